package org.opencrm.contacts.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.starter.web.InvalidFieldsException;

class PhotoImagesTest {

    private static PhotoImages.Photo photo(byte[] upload) {
        return PhotoImages.of(upload, 512, 64, 50_000_000);
    }

    private static BufferedImage read(PhotoImages.Picture picture) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(picture.data()));
    }

    @Test
    void aLargePictureIsScaledToFitKeepingItsShapeAndKeptAsJpegWithAThumbnail() throws IOException {
        var photo = photo(Pictures.plain("jpeg", 2000, 1500, Color.ORANGE));

        assertThat(photo.full().mediaType()).isEqualTo("image/jpeg");
        assertThat(read(photo.full())).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(512, 384);
        assertThat(photo.full()).extracting(PhotoImages.Picture::width, PhotoImages.Picture::height).containsExactly(512, 384);
        assertThat(read(photo.thumb())).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(64, 48);
        assertThat(photo.version()).matches("[A-Za-z0-9_-]{12}");
    }

    @Test
    void aSmallPictureIsNeverScaledUp() throws IOException {
        var photo = photo(Pictures.plain("png", 100, 50, Color.ORANGE));

        assertThat(read(photo.full())).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(100, 50);
        assertThat(read(photo.thumb())).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(64, 32);
        assertThat(photo.full().mediaType()).as("an opaque PNG becomes a JPEG").isEqualTo("image/jpeg");
    }

    @Test
    void aPictureTransparentSomewhereStaysAPngWithItsTransparencyAndAnOpaqueOneBecomesAJpeg() throws IOException {
        var transparent = photo(Pictures.transparentPng(800, 800));
        var opaque = photo(Pictures.opaquePngWithAlpha(300, 300));

        assertThat(transparent.full().mediaType()).isEqualTo("image/png");
        assertThat(transparent.thumb().mediaType()).isEqualTo("image/png");
        BufferedImage kept = read(transparent.full());
        assertThat(kept.getWidth()).isEqualTo(512);
        assertThat(kept.getRGB(5, 5) >>> 24).as("the corner is still transparent").isZero();
        assertThat(kept.getRGB(256, 256) >>> 24).isEqualTo(0xFF);
        assertThat(opaque.full().mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void aGifIsAPhotoToo() throws IOException {
        var photo = photo(Pictures.plain("gif", 40, 60, Color.BLUE));

        assertThat(read(photo.full())).extracting(BufferedImage::getWidth, BufferedImage::getHeight).containsExactly(40, 60);
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedIsKeptUpright() throws IOException {
        byte[] jpeg = Pictures.write(Pictures.halves(600, 300), "jpeg");

        // 6: the camera was turned right, so the stored picture's left (red) is the top of the scene
        BufferedImage turnedRight = read(photo(Pictures.withOrientation(jpeg, 6, false)).full());
        // 8: turned left, so the stored left is the bottom
        BufferedImage turnedLeft = read(photo(Pictures.withOrientation(jpeg, 8, true)).full());
        // 3: upside down, so the stored left is the right
        BufferedImage upsideDown = read(photo(Pictures.withOrientation(jpeg, 3, true)).full());

        assertThat(turnedRight.getWidth()).isEqualTo(256);
        assertThat(turnedRight.getHeight()).isEqualTo(512);
        assertThat(isRed(turnedRight.getRGB(128, 50))).isTrue();
        assertThat(isRed(turnedRight.getRGB(128, 460))).isFalse();
        assertThat(isRed(turnedLeft.getRGB(128, 460))).isTrue();
        assertThat(isRed(turnedLeft.getRGB(128, 50))).isFalse();
        assertThat(upsideDown.getWidth()).isEqualTo(512);
        assertThat(isRed(upsideDown.getRGB(460, 128))).isTrue();
    }

    @Test
    void theOrientationIsReadInEitherByteOrderAndIsUprightWithoutOne() {
        byte[] jpeg = Pictures.plain("jpeg", 20, 10, Color.RED);

        assertThat(ExifOrientation.of(Pictures.withOrientation(jpeg, 6, true))).isEqualTo(6);
        assertThat(ExifOrientation.of(Pictures.withOrientation(jpeg, 8, false))).isEqualTo(8);
        assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
        assertThat(ExifOrientation.of(Pictures.plain("png", 20, 10, Color.RED))).isEqualTo(1);
        assertThat(ExifOrientation.of(Arrays.copyOf(Pictures.withOrientation(jpeg, 6, true), 12))).as("cut short").isEqualTo(1);
    }

    @Test
    void theSamePictureKeepsItsVersionAndAnotherGetsAnother() {
        byte[] orange = Pictures.plain("png", 50, 50, Color.ORANGE);

        assertThat(photo(orange).version()).isEqualTo(photo(orange).version());
        assertThat(photo(Pictures.plain("png", 50, 50, Color.BLUE)).version()).isNotEqualTo(photo(orange).version());
    }

    @Test
    void anythingButAReadableJpegPngOrGifIsRefusedNamingTheFile() {
        byte[] text = "this is not a picture, whatever its name says".getBytes(StandardCharsets.UTF_8);
        byte[] bmp = Pictures.plain("bmp", 20, 20, Color.RED);
        byte[] jpeg = Pictures.plain("jpeg", 200, 200, Color.RED);
        byte[] truncated = Arrays.copyOf(jpeg, 40);

        for (byte[] refused : new byte[][] {text, bmp, truncated}) {
            assertThatThrownBy(() -> photo(refused)).isInstanceOfSatisfying(InvalidFieldsException.class,
                    e -> assertThat(e.errors()).singleElement().extracting(error -> error.field()).isEqualTo("file"));
        }
        assertThatThrownBy(() -> PhotoImages.of(jpeg, 512, 64, 10_000)).as("more pixels than allowed")
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.getMessage()).contains("megapixels"));
    }

    private static boolean isRed(int rgb) {
        int red = rgb >> 16 & 0xFF;
        int blue = rgb & 0xFF;
        return red > 200 && blue < 60;
    }
}

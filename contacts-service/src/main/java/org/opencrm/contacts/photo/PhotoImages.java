package org.opencrm.contacts.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/**
 * Turns an uploaded picture into the photo we keep. It is decoded (so only a real JPEG, PNG or GIF passes,
 * whatever the file is called), turned upright as the camera recorded it (EXIF orientation), scaled down
 * to fit a square of the given side (never up, the aspect ratio kept) and written again: as PNG if it is
 * transparent somewhere, as JPEG otherwise. Re-encoding drops whatever else the file carried (metadata,
 * location, trailing bytes). Plain javax.imageio, because the JDK reads and writes these three formats and
 * a library would add nothing a photo needs.
 */
final class PhotoImages {

    /** A picture as it is stored and served. */
    record Picture(String mediaType, byte[] data, int width, int height) {
    }

    /** The photo and its thumbnail, and the short hash of the photo that names this version of it. */
    record Photo(Picture full, Picture thumb, String version) {
    }

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif");
    private static final String KINDS = "must be a JPEG, PNG or GIF image";
    private static final float JPEG_QUALITY = 0.85f;

    private PhotoImages() {
    }

    /**
     * @param side      the longest side of the photo, in pixels
     * @param thumbSide the longest side of the thumbnail
     * @param maxPixels larger pictures are refused before they are decoded: a small file can claim a huge canvas
     */
    static Photo of(byte[] upload, int side, int thumbSide, long maxPixels) {
        BufferedImage source = decode(upload, side, maxPixels);
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage photo = upright(scale(source, side, alpha), ExifOrientation.of(upload));
        // a picture that could be transparent but is not anywhere is kept as a (smaller) JPEG
        boolean transparent = alpha && transparent(photo);
        if (alpha && !transparent) {
            photo = draw(photo, photo.getWidth(), photo.getHeight(), false);
        }
        BufferedImage thumb = scale(photo, thumbSide, transparent);
        Picture full = encode(photo, transparent);
        return new Photo(full, encode(thumb, transparent), version(full.data()));
    }

    private static BufferedImage decode(byte[] upload, int side, long maxPixels) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw InvalidFieldsException.of("file", "is not an image; it " + KINDS);
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw InvalidFieldsException.of("file", KINDS);
                }
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw InvalidFieldsException.of("file", "is too large a picture: at most "
                            + maxPixels / 1_000_000 + " megapixels");
                }
                // a camera's picture is read at every n-th pixel, still at least twice the side we keep, so
                // that it never takes its full size in memory
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * side));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (InvalidFieldsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a truncated or damaged file, or a kind of JPEG the JDK does not read (CMYK)
            throw InvalidFieldsException.of("file", "cannot be read as an image; it " + KINDS);
        }
    }

    private static boolean transparent(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Scales down to fit {@code side}, halving step by step and then to the exact size (a single bilinear
     * step from a large picture would skip most of its pixels and shimmer).
     */
    static BufferedImage scale(BufferedImage source, int side, boolean alpha) {
        double factor = Math.min(1.0, (double) side / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage current = draw(source, source.getWidth(), source.getHeight(), alpha);
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, alpha);
        }
        return current.getWidth() == width && current.getHeight() == height ? current
                : draw(current, width, height, alpha);
    }

    /** The picture redrawn at the given size, in plain RGB (on white) or RGB with alpha. */
    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        var target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    /** The picture as it should be seen, for the eight EXIF orientations (1: already upright). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored, on its side
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // taken with the phone turned right: turn right
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // mirrored, on its other side
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // taken with the phone turned left: turn left
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean turned = orientation >= 5;
        var target = new BufferedImage(turned ? h : w, turned ? w : h, image.getType());
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.drawImage(image, transform, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static Picture encode(BufferedImage image, boolean transparent) {
        var out = new ByteArrayOutputStream();
        try {
            if (transparent) {
                ImageIO.write(image, "png", out);
                return new Picture("image/png", out.toByteArray(), image.getWidth(), image.getHeight());
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return new Picture("image/jpeg", out.toByteArray(), image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the photo", e);
        }
    }

    /** 72 bits of the photo's SHA-256, URL-safe: the same picture keeps the same name, another one gets another. */
    private static String version(byte[] data) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

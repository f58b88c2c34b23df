package org.opencrm.identity.user;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Turns an uploaded picture into the photo we keep: decoded (so only a real JPEG or PNG passes),
 * scaled to fit {@value #SIDE} pixels and written again as JPEG. Re-encoding drops whatever else the
 * file carried (metadata, location, trailing bytes), and the stored photo stays a few kilobytes.
 */
final class PhotoImages {

    static final int SIDE = 256;
    static final String MEDIA_TYPE = "image/jpeg";
    /** Larger pictures are refused before decoding: a small file can claim a huge canvas. */
    private static final int MAX_PIXELS = 40_000_000;

    private PhotoImages() {
    }

    static byte[] normalise(byte[] upload) {
        BufferedImage source = decode(upload);
        double scale = Math.min(1.0, (double) SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        var photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = photo.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // transparent parts of a PNG become white rather than black
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(photo, "jpeg", out);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a JPEG", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] upload) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidPhotoException("The file is not a JPEG or PNG picture.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new InvalidPhotoException("Only JPEG and PNG pictures can be a photo.");
                }
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InvalidPhotoException("The picture is too large; at most 40 megapixels.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidPhotoException invalid) {
                throw invalid;
            }
            throw new InvalidPhotoException("The picture cannot be read.");
        }
    }
}

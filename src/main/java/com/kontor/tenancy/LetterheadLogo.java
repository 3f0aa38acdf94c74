package com.kontor.tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an uploaded logo: PNG or JPEG by its first bytes (not by the file's name), at most {@link #MAX_BYTES}, at most
 * {@link #MAX_PIXELS} wide and high, and decodable by ImageIO. The size is read from the header before the image is
 * decoded, so a small file that claims a huge image is refused without allocating it.
 */
final class LetterheadLogo {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_PIXELS = 2000;
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private LetterheadLogo() {}

    /** The logo's media type; refuses on the field "logo" with the reason otherwise. */
    static String check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw OperationRefused.onField("logo", "letterhead.logo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw OperationRefused.onField("logo", "letterhead.logo.tooLarge", MAX_BYTES / 1024);
        }
        String mediaType = startsWith(bytes, PNG_MAGIC) ? PNG : startsWith(bytes, JPEG_MAGIC) ? JPEG : null;
        if (mediaType == null) {
            throw OperationRefused.onField("logo", "letterhead.logo.type");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw OperationRefused.onField("logo", "letterhead.logo.broken");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_PIXELS || height > MAX_PIXELS) {
                    throw OperationRefused.onField("logo", "letterhead.logo.pixels", width, height, MAX_PIXELS);
                }
                reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OperationRefused refused) {
                throw refused;
            }
            throw OperationRefused.onField("logo", "letterhead.logo.broken");
        }
        return mediaType;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}

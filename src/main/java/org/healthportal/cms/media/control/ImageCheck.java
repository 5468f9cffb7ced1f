package org.healthportal.cms.media.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.healthportal.cms.platform.CmsException;

/**
 * Decides what an upload really is from its first bytes, never from the name or the browser's word, and reads
 * its size in pixels from the headers. Nothing here decodes pixels: a few hundred bytes can declare an image that
 * takes gigabytes once decoded, so the declared size is checked against a limit before anyone decodes it.
 */
public final class ImageCheck {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Default of {@code cms.media.max-pixels}: a 40-megapixel photo is larger than any article needs. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private ImageCheck() {
    }

    /** The image's type, or a refusal that says what is allowed. */
    public static String contentType(byte[] data) {
        if (data == null || data.length == 0) {
            throw new CmsException.InvalidInput("The file is empty").withKey("media.chooseFile");
        }
        if (data.length > MAX_BYTES) {
            throw new CmsException.InvalidInput("The file is too large: at most " + (MAX_BYTES / 1024 / 1024) + " MB").withKey("media.tooLarge");
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (data.length > 12 && startsWith(data, 'R', 'I', 'F', 'F') && data[8] == 'W' && data[9] == 'E'
                && data[10] == 'B' && data[11] == 'P') {
            return "image/webp";
        }
        throw new CmsException.InvalidInput("Only PNG, JPEG, GIF and WebP images can be uploaded").withKey("error.imageType");
    }

    /** Width and height as the headers declare them, without decoding; empty when the headers are unreadable. */
    public static Optional<int[]> dimensions(byte[] data) {
        String type;
        try {
            type = contentType(data);
        } catch (CmsException notAnImage) {
            return Optional.empty();
        }
        return "image/webp".equals(type) ? webpDimensions(data) : imageIoDimensions(data);
    }

    /**
     * The declared size, refused when it cannot be read or exceeds {@code maxPixels}. Checked before anything
     * decodes the image, so an image bomb costs only the bytes of its header.
     */
    public static int[] requireWithinPixels(byte[] data, long maxPixels) {
        int[] size = dimensions(data).orElseThrow(() -> new CmsException.InvalidInput(
                "The image's header cannot be read: the file is damaged or not an image").withKey("error.imageUnreadable"));
        long pixels = (long) size[0] * size[1];
        if (size[0] <= 0 || size[1] <= 0 || pixels > maxPixels) {
            String limit = megapixels(maxPixels);
            throw new CmsException.InvalidInput("The image is " + size[0] + "×" + size[1] + " pixels; at most " + limit
                    + " megapixels are accepted. Make it smaller and upload it again")
                    .withKey("error.imageTooManyPixels", size[0], size[1], limit);
        }
        return size;
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? String.valueOf(pixels / 1_000_000)
                : String.valueOf(Math.round(pixels / 100_000.0) / 10.0);
    }

    /** PNG, JPEG and GIF through the JDK's readers; {@code getWidth(0)} reads the header only. */
    private static Optional<int[]> imageIoDimensions(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int[] size = {reader.getWidth(0), reader.getHeight(0)};
                if (data[0] == 'G') {
                    // A frame may be larger than the first one; browsers also allocate the logical screen.
                    int[] screen = Gif.largestDeclared(data);
                    size = new int[]{Math.max(size[0], screen[0]), Math.max(size[1], screen[1])};
                }
                return Optional.of(size);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The JDK has no WebP reader: the canvas size from the VP8X, VP8 (lossy) or VP8L (lossless) header. */
    static Optional<int[]> webpDimensions(byte[] data) {
        if (data.length < 25) {
            return Optional.empty();
        }
        String chunk = new String(data, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int p = 20;
        if (!"VP8L".equals(chunk) && data.length < p + 10) {
            return Optional.empty();
        }
        switch (chunk) {
            case "VP8X" -> {
                return Optional.of(new int[]{u24(data, p + 4) + 1, u24(data, p + 7) + 1});
            }
            case "VP8 " -> {
                // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
                if ((data[p + 3] & 0xFF) != 0x9D || (data[p + 4] & 0xFF) != 0x01 || (data[p + 5] & 0xFF) != 0x2A) {
                    return Optional.empty();
                }
                return Optional.of(new int[]{u16(data, p + 6) & 0x3FFF, u16(data, p + 8) & 0x3FFF});
            }
            case "VP8L" -> {
                if ((data[p] & 0xFF) != 0x2F) {
                    return Optional.empty();
                }
                long bits = (data[p + 1] & 0xFFL) | (data[p + 2] & 0xFFL) << 8 | (data[p + 3] & 0xFFL) << 16
                        | (data[p + 4] & 0xFFL) << 24;
                return Optional.of(new int[]{(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1});
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    static int u16(byte[] d, int p) {
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8;
    }

    static int u24(byte[] d, int p) {
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 | (d[p + 2] & 0xFF) << 16;
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The block structure of a GIF, walked without decoding its LZW data. */
    static final class Gif {

        private Gif() {
        }

        /** The logical screen and the largest frame the file declares. */
        static int[] largestDeclared(byte[] d) {
            int w = u16(d, 6);
            int h = u16(d, 8);
            int p = 13 + colorTable(d[10]);
            while (p < d.length) {
                int block = d[p] & 0xFF;
                if (block == 0x2C && p + 10 <= d.length) {
                    w = Math.max(w, u16(d, p + 1) + u16(d, p + 5));
                    h = Math.max(h, u16(d, p + 3) + u16(d, p + 7));
                    p = skipSubBlocks(d, p + 10 + colorTable(d[p + 9]) + 1);
                } else if (block == 0x21 && p + 2 <= d.length) {
                    p = skipSubBlocks(d, p + 2);
                } else {
                    break;
                }
            }
            return new int[]{w, h};
        }

        /** Bytes of the color table announced by a packed flags byte (0 when there is none). */
        static int colorTable(byte flags) {
            return (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 0x07) + 1));
        }

        /** The position after a chain of sub-blocks (each a length byte and data) ended by a zero length. */
        static int skipSubBlocks(byte[] d, int p) {
            while (p < d.length) {
                int n = d[p] & 0xFF;
                p += 1 + n;
                if (n == 0) {
                    break;
                }
            }
            return p;
        }
    }
}

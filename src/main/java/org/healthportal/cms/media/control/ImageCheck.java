package org.healthportal.cms.media.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.healthportal.cms.platform.CmsException;

/**
 * Decides what an upload really is from its first bytes, never from the name or the browser's word, and reads
 * its size in pixels where the JDK can.
 */
public final class ImageCheck {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

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

    /** Width and height, when the JDK can decode the format (not WebP). */
    public static Optional<int[]> dimensions(byte[] data) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            return image == null ? Optional.empty() : Optional.of(new int[]{image.getWidth(), image.getHeight()});
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
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
}

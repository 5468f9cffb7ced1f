package org.healthportal.cms.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.healthportal.cms.media.entity.MediaItem;
import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    @Test
    void theTypeComesFromTheBytes() throws IOException {
        assertEquals("image/png", ImageCheck.contentType(image("png")));
        assertEquals("image/jpeg", ImageCheck.contentType(image("jpg")));
        assertEquals("image/gif", ImageCheck.contentType(image("gif")));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("image/webp", ImageCheck.contentType(webp));
    }

    @Test
    void anythingElseIsRefusedWhateverItsName() {
        assertThrows(CmsException.InvalidInput.class,
                () -> ImageCheck.contentType("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(CmsException.InvalidInput.class, () -> ImageCheck.contentType("%PDF-1.7".getBytes(StandardCharsets.UTF_8)));
        assertThrows(CmsException.InvalidInput.class, () -> ImageCheck.contentType(new byte[0]));
        assertThrows(CmsException.InvalidInput.class, () -> ImageCheck.contentType(null));
    }

    @Test
    void tooLargeIsRefused() {
        byte[] big = new byte[ImageCheck.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        CmsException e = assertThrows(CmsException.InvalidInput.class, () -> ImageCheck.contentType(big));
        assertTrue(e.getMessage().contains("too large"));
    }

    @Test
    void dimensionsAreRead() throws IOException {
        assertArrayEquals(new int[]{40, 30}, ImageCheck.dimensions(image("png")).orElseThrow());
    }

    @Test
    void fileNamesBecomeSafePathSegments() {
        assertEquals("acupoints-map.png", MediaService.safeName("C:\\Users\\me\\Acupoints Map.PNG", "image/png"));
        assertEquals("image.jpg", MediaService.safeName("穴位图.jpeg", "image/jpeg"));
        assertEquals("x.gif", MediaService.safeName("../../x.gif", "image/gif"));
    }

    @Test
    void altTextIsRequired() {
        assertThrows(CmsException.InvalidInput.class, () -> new MediaItem("a.png", "image/png", new byte[]{1}, 1, 1,
                "  ", "h", "editor", java.time.Instant.EPOCH));
        assertThrows(CmsException.InvalidInput.class, () -> new MediaItem("a.png", "image/png", new byte[]{1}, 1, 1,
                "长".repeat(251), "h", "editor", java.time.Instant.EPOCH));
        assertEquals("合谷穴位置", new MediaItem("a.png", "image/png", new byte[]{1}, 1, 1, " 合谷穴位置 ", "h",
                "editor", java.time.Instant.EPOCH).getAltText());
    }

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}

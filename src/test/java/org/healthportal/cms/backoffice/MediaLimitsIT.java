package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/** Uploads through the media screen: an image bomb refused with the node still answering, metadata not served. */
class MediaLimitsIT {

    @Test
    void anImageThatDeclaresHugeDimensionsIsRefusedAndTheNodeKeepsAnswering() throws Exception {
        // 60 bytes that claim 50,000 × 50,000 pixels: 7.5 GB once decoded.
        Path bomb = Files.write(Files.createTempFile("bomb", ".png"), concat(signature(),
                chunk("IHDR", ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                        .put(new byte[3]).array()),
                chunk("IDAT", new byte[]{0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1}), chunk("IEND", new byte[0])));
        String alt = "炸弹图 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            MediaLibrary media = office.media().upload(bomb, alt);
            assertTrue(office.messages().contains("50,000×50,000") && office.messages().contains("40 百万像素"),
                    office.messages());
            assertFalse(media.showsImage(alt), "nothing stored");
        }
        assertEquals(200, Api.anonymous().get("/health/ready").status());
    }

    @Test
    void whatIsServedHasNoTextChunks() throws Exception {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "png", encoded);
        byte[] plain = encoded.toByteArray();
        int ihdrEnd = 8 + 12 + 13;
        byte[] tagged = concat(java.util.Arrays.copyOf(plain, ihdrEnd),
                chunk("tEXt", "Comment\0GPS 31.2304N 121.4737E".getBytes(StandardCharsets.ISO_8859_1)),
                java.util.Arrays.copyOfRange(plain, ihdrEnd, plain.length));
        Path file = Files.write(Files.createTempFile("tagged", ".png"), tagged);
        String alt = "带元数据的图 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            MediaLibrary media = office.media().upload(file, alt);
            assertTrue(office.messages().contains("已上传"), office.messages());
            String src = media.imageSource(alt);
            HttpResponse<byte[]> served = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    Api.anonymous().request(URI.create(src).getPath()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, served.statusCode());
            String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("tEXt"), "text chunk removed");
            assertFalse(bytes.contains("31.2304N"), "position removed");
            assertEquals(plain.length, served.body().length, "the image itself untouched");
        }
    }

    private static byte[] signature() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

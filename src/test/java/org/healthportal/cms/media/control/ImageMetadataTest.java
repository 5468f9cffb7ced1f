package org.healthportal.cms.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

/**
 * Image bombs refused from their headers, and metadata removed from what is stored. Every image is built here:
 * real ones through ImageIO, hostile ones byte by byte.
 */
class ImageMetadataTest {

    private static final int HUGE = 50_000;

    @Test
    void imagesThatDeclareHugeDimensionsAreRefusedWithoutBeingDecoded() throws IOException {
        // 50,000 × 50,000 pixels do not fit in one Java array, nor in this JVM's heap: a decode would have thrown
        // (OutOfMemoryError or a size error) instead of giving the refusal asserted below.
        assertTrue(3L * HUGE * HUGE > Math.min(Runtime.getRuntime().maxMemory(), Integer.MAX_VALUE));
        byte[][] bombs = {hugePng(), hugeJpeg(), hugeGif(), webpVp8x(HUGE, HUGE, false)};
        for (byte[] bomb : bombs) {
            assertTrue(bomb.length < 2_000, "a tiny file: " + bomb.length);
            assertArrayEquals(new int[]{HUGE, HUGE}, ImageCheck.dimensions(bomb).orElseThrow());
            CmsException refused = assertThrows(CmsException.InvalidInput.class,
                    () -> ImageCheck.requireWithinPixels(bomb, ImageCheck.DEFAULT_MAX_PIXELS));
            assertEquals("error.imageTooManyPixels", refused.key());
            assertArrayEquals(new Object[]{HUGE, HUGE, "40"}, refused.arguments());
            assertTrue(refused.getMessage().contains("50000×50000"), refused.getMessage());
        }
    }

    @Test
    void webpSizesComeFromEachKindOfHeader() {
        assertArrayEquals(new int[]{16384, 16384}, ImageCheck.dimensions(webpVp8l(16384, 16384)).orElseThrow());
        assertArrayEquals(new int[]{640, 480}, ImageCheck.dimensions(webpVp8(640, 480)).orElseThrow());
        assertArrayEquals(new int[]{640, 480}, ImageCheck.requireWithinPixels(webpVp8(640, 480), ImageCheck.DEFAULT_MAX_PIXELS));
        assertThrows(CmsException.InvalidInput.class,
                () -> ImageCheck.requireWithinPixels(webpVp8l(16384, 16384), ImageCheck.DEFAULT_MAX_PIXELS));
    }

    @Test
    void theLimitIsInclusiveAndConfigurable() throws IOException {
        byte[] png = ImageCheckTest.image("png");
        assertArrayEquals(new int[]{40, 30}, ImageCheck.requireWithinPixels(png, 1200));
        CmsException refused = assertThrows(CmsException.InvalidInput.class, () -> ImageCheck.requireWithinPixels(png, 1199));
        assertEquals("error.imageTooManyPixels", refused.key());
    }

    @Test
    void anUnreadableHeaderIsRefused() {
        byte[] broken = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0};
        CmsException refused = assertThrows(CmsException.InvalidInput.class,
                () -> ImageCheck.requireWithinPixels(broken, ImageCheck.DEFAULT_MAX_PIXELS));
        assertEquals("error.imageUnreadable", refused.key());
    }

    @Test
    void jpegLosesExifGpsXmpAndCommentsButKeepsItsOrientationAndStillDecodes() throws IOException {
        byte[] first = jpegWithMetadata();
        // As phones store a second picture (MPF): right after the first image's EOI, with its own EXIF.
        byte[] original = java.util.Arrays.copyOf(first, 2 * first.length);
        System.arraycopy(first, 0, original, first.length, first.length);
        assertTrue(contains(original, "Home of the patient"));
        assertTrue(contains(original, "http://ns.adobe.com/xap/1.0/"));
        assertTrue(contains(original, "secret comment"));

        byte[] stored = ImageMetadata.strip(original, "image/jpeg");

        assertFalse(contains(stored, "Home of the patient"), "EXIF text gone");
        assertFalse(containsBytes(stored, new byte[]{(byte) 0x88, 0x25}), "no GPS IFD pointer");
        assertFalse(containsBytes(stored, new byte[]{0, 2, 0, 5, 0, 0, 0, 3}), "no GPS latitude tag");
        assertFalse(contains(stored, "http://ns.adobe.com/xap/1.0/"), "XMP gone");
        assertFalse(contains(stored, "secret comment"), "comment gone");
        assertTrue(contains(stored, "JFIF"), "JFIF header kept");
        int app1 = indexOf(stored, new byte[]{(byte) 0xFF, (byte) 0xE1});
        assertEquals(6, ImageMetadata.exifOrientation(stored, app1 + 4, stored.length), "orientation kept");
        assertEquals(0xD9, stored[stored.length - 1] & 0xFF, "ends with the first image's EOI");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(decoded);
        assertEquals(40, decoded.getWidth());
        assertEquals(30, decoded.getHeight());
    }

    @Test
    void aProgressiveJpegKeepsEveryScanAndDecodesToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, x * 4 << 16 | y * 5 << 8 | (x + y) * 2);
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        }
        writer.dispose();
        byte[] progressive = encoded.toByteArray();
        byte[] withComment = new byte[progressive.length + 9];
        System.arraycopy(progressive, 0, withComment, 0, 2);
        System.arraycopy(segment(0xFE, "x-gps".getBytes(StandardCharsets.ISO_8859_1)), 0, withComment, 2, 9);
        System.arraycopy(progressive, 2, withComment, 11, progressive.length - 2);

        byte[] stored = ImageMetadata.strip(withComment, "image/jpeg");

        assertFalse(contains(stored, "x-gps"));
        assertTrue(count(stored, new byte[]{(byte) 0xFF, (byte) 0xDA}) > 1, "several scans");
        assertArrayEquals(progressive, stored, "exactly the image without the comment");
    }

    @Test
    void pngLosesItsTextAndTimeChunksAndStillDecodes() throws IOException {
        byte[] plain = ImageCheckTest.image("png");
        int idat = indexOf(plain, "IDAT".getBytes(StandardCharsets.ISO_8859_1)) - 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, idat);
        out.write(pngChunk("tEXt", "Comment\0Taken at 31.2304N 121.4737E".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(pngChunk("tIME", new byte[]{0x07, (byte) 0xE9, 1, 2, 3, 4, 5}));
        out.write(pngChunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>".getBytes(StandardCharsets.UTF_8)));
        out.write(plain, idat, plain.length - idat);
        byte[] original = out.toByteArray();

        byte[] stored = ImageMetadata.strip(original, "image/png");

        assertFalse(contains(stored, "tEXt"));
        assertFalse(contains(stored, "31.2304N"));
        assertFalse(contains(stored, "tIME"));
        assertFalse(contains(stored, "xmpmeta"));
        assertArrayEquals(plain, stored, "exactly the image without the added chunks");
        assertEquals(40, ImageIO.read(new ByteArrayInputStream(stored)).getWidth());
    }

    @Test
    void gifLosesItsCommentsAndStillDecodes() throws IOException {
        byte[] plain = ImageCheckTest.image("gif");
        int afterHeader = 13 + ImageCheck.Gif.colorTable(plain[10]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        byte[] comment = "secret comment".getBytes(StandardCharsets.ISO_8859_1);
        out.write(new byte[]{0x21, (byte) 0xFE, (byte) comment.length});
        out.write(comment);
        out.write(0);
        out.write(plain, afterHeader, plain.length - afterHeader);
        byte[] original = out.toByteArray();

        byte[] stored = ImageMetadata.strip(original, "image/gif");

        assertFalse(contains(stored, "secret comment"));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertEquals(40, decoded.getWidth());
        assertEquals(30, decoded.getHeight());
    }

    @Test
    void webpLosesItsExifAndXmpChunksWithSizeAndFlagsFixed() {
        byte[] original = webpVp8x(640, 480, true);
        assertTrue(contains(original, "EXIF"));
        assertEquals(0x0C, original[20] & 0x0C, "the test image announces EXIF and XMP");

        byte[] stored = ImageMetadata.strip(original, "image/webp");

        assertFalse(contains(stored, "EXIF"));
        assertFalse(contains(stored, "XMP "));
        assertFalse(contains(stored, "GPS"));
        assertTrue(contains(stored, "VP8L"), "the image data stays");
        assertEquals(0, stored[20] & 0x0C, "VP8X no longer announces EXIF or XMP");
        assertEquals(stored.length - 8, ByteBuffer.wrap(stored, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertArrayEquals(new int[]{640, 480}, ImageCheck.dimensions(stored).orElseThrow());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] jpeg = jpegWithMetadata();
        byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
        assertThrows(CmsException.InvalidInput.class, () -> ImageMetadata.strip(cut, "image/jpeg"));
    }

    // --- images built for the tests ---

    private static byte[] hugePng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.write(pngChunk("IHDR", ByteBuffer.allocate(13).putInt(HUGE).putInt(HUGE).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.write(pngChunk("IDAT", new byte[]{0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1}));
        out.write(pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /** A real 40 × 30 JPEG whose frame header then claims 50,000 × 50,000. */
    private static byte[] hugeJpeg() throws IOException {
        byte[] jpeg = ImageCheckTest.image("jpg");
        int sof = indexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xC0});
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) HUGE).putShort((short) HUGE);
        return jpeg;
    }

    /** A real 40 × 30 GIF whose logical screen then claims 50,000 × 50,000. */
    private static byte[] hugeGif() throws IOException {
        byte[] gif = ImageCheckTest.image("gif");
        ByteBuffer.wrap(gif, 6, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) HUGE).putShort((short) HUGE);
        return gif;
    }

    /** An extended WebP: VP8X with the canvas size, a VP8L header, and optionally EXIF and XMP chunks. */
    private static byte[] webpVp8x(int width, int height, boolean metadata) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) (metadata ? 0x0C : 0)).put(new byte[3]);
        vp8x.put(u24(width - 1)).put(u24(height - 1));
        body.writeBytes(riffChunk("VP8X", vp8x.array()));
        body.writeBytes(riffChunk("VP8L", vp8lHeader(Math.min(width, 16384), Math.min(height, 16384))));
        if (metadata) {
            body.writeBytes(riffChunk("EXIF", "MM\0*\0\0\0\bGPS 31.2304N".getBytes(StandardCharsets.ISO_8859_1)));
            body.writeBytes(riffChunk("XMP ", "<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1)));
        }
        return riff(body.toByteArray());
    }

    private static byte[] webpVp8l(int width, int height) {
        return riff(riffChunk("VP8L", vp8lHeader(width, height)));
    }

    private static byte[] webpVp8(int width, int height) {
        ByteBuffer vp8 = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8.put(new byte[]{0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A});
        vp8.putShort((short) width).putShort((short) height);
        return riff(riffChunk("VP8 ", vp8.array()));
    }

    private static byte[] vp8lHeader(int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        return ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2F).putInt(bits).array();
    }

    private static byte[] riff(byte[] chunks) {
        ByteBuffer b = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(chunks);
        return b.array();
    }

    private static byte[] riffChunk(String fourcc, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fourcc.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] u24(int v) {
        return new byte[]{(byte) v, (byte) (v >> 8), (byte) (v >> 16)};
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /**
     * A 40 × 30 JPEG as a phone writes it: EXIF with orientation, a description and a GPS position, then XMP and
     * a comment.
     */
    private static byte[] jpegWithMetadata() throws IOException {
        byte[] plain = ImageCheckTest.image("jpg");
        byte[] description = "Home of the patient\0".getBytes(StandardCharsets.ISO_8859_1);
        // Big-endian TIFF: IFD0 with Orientation, ImageDescription and the GPS IFD pointer; GPS IFD with latitude.
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int descriptionAt = ifd0 + ifd0Size;
        int gpsAt = descriptionAt + description.length;
        int gpsSize = 2 + 2 * 12 + 4;
        int latitudeAt = gpsAt + gpsSize;
        ByteBuffer tiff = ByteBuffer.allocate(latitudeAt + 24);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(ifd0);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(descriptionAt);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        tiff.putInt(0);
        tiff.put(description);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(latitudeAt);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(13).putInt(1).putInt(49).putInt(1);
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(tiff.array());

        int afterApp0 = 2 + 2 + ((plain[4] & 0xFF) << 8 | (plain[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterApp0);
        out.write(segment(0xE1, exif.toByteArray()));
        out.write(segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(segment(0xFE, "secret comment".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(plain, afterApp0, plain.length - afterApp0);
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    private static boolean contains(byte[] data, String ascii) {
        return containsBytes(data, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean containsBytes(byte[] data, byte[] part) {
        return indexOf(data, part) >= 0;
    }

    private static int count(byte[] data, byte[] part) {
        int n = 0;
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

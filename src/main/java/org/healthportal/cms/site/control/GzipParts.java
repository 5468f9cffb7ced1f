package org.healthportal.cms.site.control;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip made of pieces compressed apart: each piece is raw deflate ending on a byte boundary with no final block
 * ({@link #piece}), so pieces join into one valid stream; {@link #join} adds the header, an empty final block and
 * the trailer (the CRC and length of the whole). A composed page ({@link PageTemplate}) thus compresses its own
 * parts once and, when its lists change, only the lists: composing it again costs a copy, not a compression of
 * the page. Each piece starts without the others as its dictionary, which costs a few per cent of size.
 */
final class GzipParts {

    /** Header: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** A final, empty block with fixed codes: BFINAL 1, BTYPE 01, end of block (seven zero bits), padded. */
    private static final byte[] LAST_BLOCK = {0x03, 0x00};

    private GzipParts() {
    }

    /** One piece: raw deflate of these bytes, flushed to a byte boundary and not final. */
    static byte[] piece(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            byte[] buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The gzip file of {@code body}, whose pieces, in order, are {@code pieces}. */
    static byte[] join(List<byte[]> pieces, byte[] body) {
        int length = HEADER.length + LAST_BLOCK.length + 8;
        for (byte[] p : pieces) {
            length += p.length;
        }
        byte[] gz = new byte[length];
        System.arraycopy(HEADER, 0, gz, 0, HEADER.length);
        int at = HEADER.length;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, gz, at, p.length);
            at += p.length;
        }
        System.arraycopy(LAST_BLOCK, 0, gz, at, LAST_BLOCK.length);
        at += LAST_BLOCK.length;
        CRC32 crc = new CRC32();
        crc.update(body);
        at = littleEndian(gz, at, (int) crc.getValue());
        littleEndian(gz, at, body.length);
        return gz;
    }

    private static int littleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }
}

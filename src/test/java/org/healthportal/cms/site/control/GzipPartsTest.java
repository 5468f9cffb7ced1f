package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipPartsTest {

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void piecesCompressedApartJoinIntoOneGzipOfTheWhole() throws IOException {
        byte[] a = "<html><body><h1>针灸与康复</h1>".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[40_000]; // incompressible, larger than the deflater's buffer
        new Random(7).nextBytes(b);
        byte[] c = "</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, whole, 0, a.length);
        System.arraycopy(b, 0, whole, a.length, b.length);
        System.arraycopy(c, 0, whole, a.length + b.length, c.length);

        byte[] gz = GzipParts.join(List.of(GzipParts.piece(a), GzipParts.piece(b), GzipParts.piece(c)), whole);
        assertArrayEquals(whole, gunzip(gz));
        assertTrue(gz.length < whole.length, "still compressed");
    }

    @Test
    void emptyPiecesAndAnEmptyWholeAreValid() throws IOException {
        byte[] empty = new byte[0];
        assertArrayEquals(empty, gunzip(GzipParts.join(List.of(GzipParts.piece(empty)), empty)));
        assertArrayEquals(empty, gunzip(GzipParts.join(List.of(), empty)));
    }
}

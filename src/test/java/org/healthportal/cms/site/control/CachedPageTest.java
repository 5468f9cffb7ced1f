package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CachedPageTest {

    private static final byte[] PAGE = "<p>针灸</p>".repeat(200).getBytes(StandardCharsets.UTF_8);

    @Test
    void theEtagFollowsTheContent() {
        CachedPage a = CachedPage.of("text/html", PAGE, Instant.now());
        assertEquals(a.etag(), CachedPage.of("text/html", PAGE.clone(), Instant.now().plusSeconds(9)).etag());
        assertNotEquals(a.etag(), CachedPage.of("text/html", "<p>x</p>".getBytes(StandardCharsets.UTF_8), Instant.now()).etag());
        assertTrue(a.etag().startsWith("\"") && a.etag().endsWith("\""));
    }

    @Test
    void conditionalRequests() {
        Instant rendered = Instant.parse("2025-06-30T07:31:00.700Z");
        CachedPage p = CachedPage.of("text/html", PAGE, rendered);
        assertTrue(p.notModified(p.etag(), -1));
        assertTrue(p.notModified("\"other\", " + p.etag(), -1));
        assertTrue(p.notModified("W/" + p.etag(), -1));
        assertTrue(p.notModified("*", -1));
        assertFalse(p.notModified("\"other\"", -1));
        // With an ETag given, the date is not looked at.
        assertFalse(p.notModified("\"other\"", rendered.toEpochMilli() + 10_000));
        assertTrue(p.notModified(null, Instant.parse("2025-06-30T07:31:00Z").toEpochMilli()));
        assertFalse(p.notModified(null, Instant.parse("2025-06-30T07:30:59Z").toEpochMilli()));
        assertEquals("Mon, 30 Jun 2025 07:31:00 GMT", p.lastModified());
    }

    @Test
    void largeTextIsGzippedOnceSmallOrBinaryIsNot() throws IOException {
        CachedPage p = CachedPage.of("text/html;charset=UTF-8", PAGE, Instant.now());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.gzipped()))) {
            assertArrayEquals(PAGE, in.readAllBytes());
        }
        assertNull(CachedPage.of("text/html", "<p>x</p>".getBytes(StandardCharsets.UTF_8), Instant.now()).gzipped());
        assertNull(CachedPage.of("image/png", PAGE, Instant.now()).gzipped());
    }
}

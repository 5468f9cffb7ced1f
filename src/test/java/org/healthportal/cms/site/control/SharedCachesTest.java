package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCachesTest {

    @Test
    void sharedCachesKeepPagesBrowsersRevalidateAndStaleCopiesServeWhileTheCmsIsAway() {
        assertEquals("public, max-age=0, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400",
                SharedCaches.cacheControl(Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofDays(1)));
    }

    @Test
    void withoutASharedMaxAgeEveryoneRevalidatesAsBefore() {
        assertEquals(SharedCaches.REVALIDATE, SharedCaches.cacheControl(Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofDays(1)));
        assertTrue(SharedCaches.REVALIDATE.contains("must-revalidate"));
    }

    @Test
    void purgeUrlsAreCommaSeparatedHttpBaseUrls() {
        assertEquals(List.of("http://varnish/", "https://cdn.example.com/purge"),
                SharedCaches.parse(" http://varnish/ , https://cdn.example.com/purge,, "));
        assertEquals(List.of(), SharedCaches.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedCaches.parse("http://varnish/,varnish:80"));
        assertTrue(e.getMessage().contains("varnish:80"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SharedCaches.parse("ftp://varnish/"));
    }
}

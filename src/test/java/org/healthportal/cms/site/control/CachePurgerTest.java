package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachePurgerTest {

    @Test
    void aPublicationPurgesSoftlyWhereItNowAppears() {
        CachePurger.Plan plan = CachePurger.plan(7L, 70L, true, true, 69L, List.of(1L, 3L));
        assertFalse(plan.hard());
        assertEquals(List.of("a7", "new", "search", "sitemap", "c1", "c3"), plan.tags());
    }

    @Test
    void aWithdrawalPurgesHardEverythingThatShowsTheArticle() {
        // Unpublished, taken down, archived, unpublished as overdue: not live now, public once.
        CachePurger.Plan plan = CachePurger.plan(7L, null, true, true, 70L, List.of());
        assertTrue(plan.hard());
        assertEquals(List.of("a7", "search", "sitemap"), plan.tags());
        // With the category it was listed in: the pages after the one that showed it shift.
        assertEquals(List.of("a7", "search", "sitemap", "c1", "c3"),
                CachePurger.plan(7L, null, true, true, 70L, List.of(1L, 3L)).tags());
        // Even where this node had not yet heard of the publication (its view is up to a poll behind).
        assertTrue(CachePurger.plan(7L, null, true, false, null, List.of()).hard());
    }

    @Test
    void aDraftSavedBesideTheLiveRevisionOrNeverPublishedPurgesNothing() {
        assertNull(CachePurger.plan(7L, 70L, true, false, 70L, List.of(1L)));
        assertNull(CachePurger.plan(7L, null, false, false, null, List.of()));
    }

    @Test
    void aCorrectionOrNewAddressOnTheSameRevisionStillPurges() {
        assertFalse(CachePurger.plan(7L, 70L, true, true, 70L, List.of(1L)).hard());
        // And a live revision this node did not know yet.
        assertFalse(CachePurger.plan(7L, 71L, true, false, 70L, List.of(1L)).hard());
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheMaximum() {
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(1), CachePurger.backoff(0, max));
        assertEquals(Duration.ofSeconds(8), CachePurger.backoff(3, max));
        assertEquals(max, CachePurger.backoff(6, max));
        assertEquals(max, CachePurger.backoff(500, max));
    }

    @Test
    void thePurgeNamesItsTagsForVarnishAndForCdns() {
        HttpRequest hard = CachePurger.request("http://varnish/", List.of("a7", "search"), true, null).build();
        assertEquals("PURGE", hard.method());
        assertEquals("a7 search", hard.headers().firstValue("xkey-purge").orElseThrow());
        assertEquals("a7 search", hard.headers().firstValue("Surrogate-Key").orElseThrow());
        assertTrue(hard.headers().firstValue("xkey-softpurge").isEmpty());
        assertTrue(hard.headers().firstValue("Fastly-Soft-Purge").isEmpty());

        HttpRequest soft = CachePurger.request("http://varnish/", List.of("site"), false,
                new String[] {"Fastly-Key", "secret"}).build();
        assertEquals("site", soft.headers().firstValue("xkey-softpurge").orElseThrow());
        assertEquals("1", soft.headers().firstValue("Fastly-Soft-Purge").orElseThrow());
        assertEquals("secret", soft.headers().firstValue("Fastly-Key").orElseThrow());
    }
}

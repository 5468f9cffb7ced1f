package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageStoreTest {

    private final PageStore store = store();

    private static PageStore store() {
        PageStore s = new PageStore();
        s.enabled = true;
        s.maxBytes = 1 << 20;
        return s;
    }

    private static CachedPage page(String text, String tags) {
        return CachedPage.of("text/html", text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, tags);
    }

    private void put(String key, String tags) {
        store.put(key, page(key, tags), store.generation());
    }

    @Test
    void aPublicationDropsOnlyThePagesThatShowWhatChanged() {
        put("/articles/a", "site a1");
        put("/articles/b", "site a2");
        put("/", "site new a1 a2");
        put("/categories/zhongyi", "site c3 a2");
        put("/categories/kangfu", "site c4 a9");
        put("/sitemap.xml", "site sitemap");
        put("/qr/b.png", "site a2");

        // Article 1, live in category 5 under 3.
        store.drop(CacheTags.changed(1L, true, List.of(3L, 5L)));

        assertNull(store.get("/articles/a"), "its own page");
        assertNull(store.get("/"), "where a publication appears");
        assertNull(store.get("/categories/zhongyi"), "its categories' pages");
        assertNull(store.get("/sitemap.xml"));
        assertNotNull(store.get("/articles/b"), "another article's page stays: its lists are filled when served");
        assertNotNull(store.get("/categories/kangfu"), "another category's pages stay");
        assertNotNull(store.get("/qr/b.png"));
        assertEquals(3, store.size());
    }

    @Test
    void aMoveOrAWithdrawalDropsTheLaterPagesOfTheCategoryItWasListedIn() {
        put("/categories/kangfu?page=2", "site c4 a30 a31");
        put("/categories/guke?page=2", "site c6 a40");
        // Withdrawn from category 4 (listed on its first page only): the second page shifts.
        store.drop(CacheTags.changed(1L, false, List.of(4L)));
        assertNull(store.get("/categories/kangfu?page=2"));
        assertNotNull(store.get("/categories/guke?page=2"));
    }

    @Test
    void aWithdrawalDropsEveryPageShowingTheArticleAndTheSiteTagEverything() {
        put("/articles/a", "site a1");
        put("/categories/kangfu", "site c4 a1");
        put("/qr/a.png", "site a1");
        put("/articles/b", "site a2");
        store.drop(CacheTags.changed(1L, false, List.of()));
        assertNull(store.get("/articles/a"));
        assertNull(store.get("/categories/kangfu"));
        assertNull(store.get("/qr/a.png"));
        assertNotNull(store.get("/articles/b"));

        store.drop(List.of(CacheTags.SITE));
        assertEquals(0, store.size());
    }

    @Test
    void aStoredTemplateIsDroppedByItsOwnTagsNotByItsLists() {
        PageTemplate t = PageTemplate.of("text/html", "<p>x</p><!--cms:hole latest 1-->".getBytes(StandardCharsets.UTF_8),
                "site a1");
        store.put("/articles/a", CachedPage.composed("text/html", new byte[0], null, Instant.EPOCH, "site a1 new a7", t),
                store.generation());
        store.drop(CacheTags.changed(7L, true, List.of()));
        assertNotNull(store.get("/articles/a"), "a7 and new are in its lists, which are filled when served");
        store.drop(CacheTags.changed(1L, true, List.of()));
        assertNull(store.get("/articles/a"));
    }

    @Test
    void aRenderThatBeganBeforeAChangeIsNotStored() {
        long before = store.generation();
        store.drop(List.of("a9"));
        store.put("/articles/a", page("old", "site a1"), before);
        assertNull(store.get("/articles/a"));
    }

    @Test
    void readersOfAPageBeingRenderedWaitForThatRenderInsteadOfRenderingIt() throws Exception {
        PageStore.Render leader = store.begin("/articles/a");
        assertTrue(leader.leads());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch waiting = new CountDownLatch(4);
            List<Future<CachedPage>> followers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                followers.add(pool.submit(() -> {
                    PageStore.Render r = store.begin("/articles/a");
                    assertFalse(r.leads());
                    waiting.countDown();
                    return r.await();
                }));
            }
            assertTrue(waiting.await(10, TimeUnit.SECONDS));
            CachedPage rendered = page("rendered", "site a1");
            leader.finish(rendered);
            for (Future<CachedPage> f : followers) {
                assertSame(rendered, f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(store.get("/articles/a"), "stored by the leader");
        assertTrue(store.begin("/articles/a").leads(), "the next miss leads a render of its own");
    }

    @Test
    void aRenderWithNothingToShareSendsTheFollowersToRenderThemselves() {
        PageStore.Render leader = store.begin("/articles/gone");
        PageStore.Render follower = store.begin("/articles/gone");
        leader.finish(null);
        assertNull(follower.await());
        assertTrue(store.begin("/articles/gone").leads());
    }

    @Test
    void aChangeDuringARenderMakesTheNextReaderRenderAfresh() {
        PageStore.Render stale = store.begin("/articles/a");
        store.drop(List.of("a1"));
        PageStore.Render fresh = store.begin("/articles/a");
        assertTrue(fresh.leads(), "not a follower of the render that began before the change");
        stale.finish(page("old", "site a1"));
        assertNull(store.get("/articles/a"), "the stale render is not stored");
        fresh.finish(page("new", "site a1"));
        assertEquals("new", new String(store.get("/articles/a").body(), StandardCharsets.UTF_8));
    }
}

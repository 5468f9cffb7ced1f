package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PageTemplateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    /** Lists as a test sets them; the generation moves whenever they change, as {@link SiteLists}'s does. */
    static final class Lists extends SiteFragments {
        long generation;
        final List<String> filled = new ArrayList<>();

        @Override
        public long generation() {
            return generation;
        }

        @Override
        Fragment fill(String hole, String contextPath) {
            filled.add(hole);
            return Fragment.of("<ul>" + hole + "@" + generation + "</ul>", List.of("new", "a" + (40 + generation)));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPageWithoutHolesIsNoTemplate() {
        assertNull(PageTemplate.of("text/html", utf8("<p>针灸 <!-- a comment --></p>"), "site a1"));
    }

    @Test
    void holesAreFilledWithTheListsAsTheyAreNowAndTheirTagsJoinThePagesOwn() throws IOException {
        String body = "<p>针刺可以改善局部血液循环。</p>".repeat(40);
        String page = "<h1>针灸</h1>" + SiteFragments.relatedHole(1L, 3L) + body + SiteFragments.latestHole(1L)
                + "<footer>尾</footer>";
        PageTemplate t = PageTemplate.of("text/html;charset=UTF-8", utf8(page), "site a1");
        Lists lists = new Lists();
        CachedPage composed = t.page(lists, "", CLOCK);
        String html = new String(composed.body(), StandardCharsets.UTF_8);
        assertEquals("<h1>针灸</h1><ul>related 1 3@0</ul>" + body + "<ul>latest 1@0</ul><footer>尾</footer>", html);
        assertEquals("site a1 new a40", composed.tags());
        assertEquals("site a1", composed.storeTags(), "the store drops it by its own content only");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(composed.gzipped()))) {
            assertEquals(html, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertSame(t, composed.template());
    }

    @Test
    void aPageIsComposedOncePerChangeOfTheLists() {
        PageTemplate t = PageTemplate.of("text/html", utf8("<p>x</p>" + SiteFragments.latestHole(1L)), "site a1");
        Lists lists = new Lists();
        CachedPage first = t.page(lists, "", CLOCK);
        assertSame(first, t.page(lists, "", CLOCK));
        assertEquals(1, lists.filled.size());

        lists.generation++;
        CachedPage second = t.page(lists, "", CLOCK);
        assertEquals("<p>x</p><ul>latest 1@1</ul>", new String(second.body(), StandardCharsets.UTF_8));
        assertNotEquals(first.etag(), second.etag());
        assertTrue(second.tags().contains("a41"));
        assertEquals(2, lists.filled.size());
    }
}

package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SiteFragmentsTest {

    /** The newest list as the database would give it: articles 100 down to 93. */
    static final class Lists extends SiteLists {
        long generation;
        int reads;

        @Override
        public List<ArticleTeaser> latest() {
            reads++;
            return LongStream.rangeClosed(93, 100).map(i -> 193 - i)
                    .mapToObj(i -> new ArticleTeaser(i, "a-" + i, "文章" + i, "摘要", Instant.EPOCH)).toList();
        }

        @Override
        public long generation() {
            return generation;
        }
    }

    private final Lists lists = new Lists();
    private final SiteFragments fragments = fragments(lists);

    private static SiteFragments fragments(SiteLists lists) {
        SiteFragments f = new SiteFragments();
        f.lists = lists;
        f.config = new SiteConfig();
        f.config.zone = "Asia/Shanghai";
        return f;
    }

    @Test
    void pagesThatShowTheSameListShareOneWrittenAndCompressedCopy() {
        SiteFragments.Fragment a = fragments.fill(SiteFragments.latestHole(5L).replaceAll("<!--cms:hole |-->", ""), "");
        SiteFragments.Fragment b = fragments.fill(SiteFragments.latestHole(6L).replaceAll("<!--cms:hole |-->", ""), "");
        assertSame(a, b, "neither article is among the newest: the same six");
        String html = new String(a.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("/articles/a-100") && !html.contains("/articles/a-94"), html);
        assertEquals("new", a.tags().get(0));

        SiteFragments.Fragment own = fragments.fill("latest 100", "");
        assertNotSame(a, own);
        assertFalse(new String(own.html(), StandardCharsets.UTF_8).contains("/articles/a-100\""), "never itself");

        lists.generation++;
        assertNotSame(a, fragments.fill("latest 5", ""), "written again once the lists changed");
    }
}

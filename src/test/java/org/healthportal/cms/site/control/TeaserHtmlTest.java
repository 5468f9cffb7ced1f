package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeaserHtmlTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aTeaserHasItsLinkExcerptAndDateInTheSitesZone() {
        String html = TeaserHtml.list(List.of(new ArticleTeaser(1L, "zhenjiu", "针灸入门", "针灸可以缓解疼痛。",
                Instant.parse("2026-12-06T01:30:00Z"))), "/cms", "详细", SHANGHAI);
        assertEquals("<ul class=\"teasers\"><li class=\"teaser\"><h3><a href=\"/cms/articles/zhenjiu\">针灸入门</a></h3>"
                + "<p class=\"excerpt\">针灸可以缓解疼痛。 <a class=\"more\" href=\"/cms/articles/zhenjiu\""
                + " aria-label=\"详细：针灸入门\">[详细]</a></p><p class=\"date\"><time"
                + " datetime=\"2026-12-06T09:30:00+08:00\">2026-12-06 09:30</time></p></li></ul>", html);
    }

    @Test
    void textIsEscapedInTextAndAttributes() {
        String html = TeaserHtml.list(List.of(new ArticleTeaser(1L, "x", "<script>\"a\" & 'b'</script>",
                "<img src=x onerror=alert(1)>", null)), "", "详细", SHANGHAI);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"), html);
        assertTrue(html.contains("<time datetime=\"\"></time>"), "no date, no failure");
    }

    @Test
    void anEmptyListIsAnEmptyList() {
        assertEquals("<ul class=\"teasers\"></ul>", TeaserHtml.list(List.of(), "", "详细", SHANGHAI));
    }

    @Test
    void aSearchHitKeepsTheIndexsMarkingAndEscapesItsAddress() {
        String html = TeaserHtml.hits(List.of(new SearchResult.Hit("zhen\"jiu", "<mark>针灸</mark>入门",
                "…<mark>针灸</mark>可以…", Instant.parse("2026-12-06T01:30:00Z"))), "", "详细", SHANGHAI);
        assertEquals("<li class=\"teaser\"><h2><a href=\"/articles/zhen&quot;jiu\"><mark>针灸</mark>入门</a></h2>"
                + "<p class=\"excerpt\">…<mark>针灸</mark>可以… <a class=\"more\" href=\"/articles/zhen&quot;jiu\">[详细]</a></p>"
                + "<p class=\"date\"><time datetime=\"2026-12-06T09:30:00+08:00\">2026-12-06 09:30</time></p></li>", html);
    }
}

package org.healthportal.cms.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void keepsTheStructureOfAnArticle() {
        String html = "<h2>1、改善微循环</h2><p>针灸<strong>可能</strong>有帮助。</p><ul><li>合谷</li><li>足三里</li></ul>";
        assertEquals(html, HtmlSanitizer.sanitize(html));
    }

    @Test
    void chineseTextAndPunctuationComeBackAsTyped() {
        String html = "<p>针灸，艾灸；推拿：“中医”（康复）！？——《指南》…</p>";
        assertEquals(html, HtmlSanitizer.sanitize(html));
    }

    @Test
    void removesWhatRunsOrRestyles() {
        String out = HtmlSanitizer.sanitize("<p onclick=\"x()\" style=\"color:red\">文</p><script>alert(1)</script>"
                + "<iframe src=\"https://evil.example\"></iframe><a href=\"javascript:alert(1)\">链接</a>"
                + "<img src=\"x\" onerror=\"alert(1)\" alt=\"图\">");
        assertFalse(out.contains("onclick"), out);
        assertFalse(out.contains("style"), out);
        assertFalse(out.contains("script"), out);
        assertFalse(out.contains("iframe"), out);
        assertFalse(out.contains("javascript"), out);
        assertFalse(out.contains("onerror"), out);
        assertTrue(out.contains("<p>文</p>"), out);
        assertTrue(out.contains("链接"), out);
    }

    @Test
    void keepsSafeLinksAndImages() {
        String out = HtmlSanitizer.sanitize("<p><a href=\"https://www.who.int/\">WHO</a>"
                + "<img src=\"/media/1.png\" alt=\"穴位图\" width=\"300\"></p>");
        assertTrue(out.contains("href=\"https://www.who.int/\""), out);
        assertTrue(out.contains("rel=\"noopener noreferrer\""), out);
        assertTrue(out.contains("src=\"/media/1.png\""), out);
        assertTrue(out.contains("alt=\"穴位图\""), out);
    }

    @Test
    void asciiSpecialCharactersStayEscaped() {
        String out = HtmlSanitizer.sanitize("<p>1 &lt; 2 &amp; \"引号\"</p>");
        assertTrue(out.contains("&lt;"), out);
        assertTrue(out.contains("&amp;"), out);
        assertFalse(out.contains("<2"), out);
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", HtmlSanitizer.sanitize(null));
    }

    @Test
    void imagesFromTheMediaLibraryStay() {
        String html = "<p><img src=\"/media/12/acupoints.png\" alt=\"穴位图\" width=\"300\" /></p>";
        assertEquals(html, HtmlSanitizer.sanitize(html));
    }

    @Test
    void imagesFromAnywhereElseAreDroppedWithTheirAltText() {
        for (String src : new String[]{"http://img.example.org/a.png", "https://img.example.org/a.png",
                "//img.example.org/a.png", "data:image/png;base64,iVBORw0KGgo=", "javascript:alert(1)",
                "JaVaScRiPt:alert(1)", "/admin/articles.xhtml", "/api/articles", "/media/../api/articles",
                "/media/%2e%2e/api/articles", "media/1/x.png", "x", "https://user@img.example.org/a.png"}) {
            String out = HtmlSanitizer.sanitize("<p>图<img src=\"" + src + "\" alt=\"外链图\"></p>");
            assertEquals("<p>图</p>", out, src);
        }
    }

    @Test
    void httpsHostsOnTheAllowListMayServeImages() {
        Set<String> hosts = HtmlSanitizer.hosts(" img.example.org , CDN.Example.net,,");
        assertEquals(Set.of("img.example.org", "cdn.example.net"), hosts);
        assertTrue(HtmlSanitizer.sanitize("<img src=\"https://img.example.org/a.png\" alt=\"a\">", hosts)
                .contains("src=\"https://img.example.org/a.png\""));
        assertTrue(HtmlSanitizer.sanitize("<img src=\"https://CDN.example.net:8443/b.png?w=300\" alt=\"b\">", hosts)
                .contains("src=\"https://CDN.example.net:8443/b.png?w&#61;300\""));
        for (String src : new String[]{"http://img.example.org/a.png", "https://img.example.org.evil.test/a.png",
                "https://evil.test/img.example.org/a.png", "https://evil.test/?img.example.org",
                "https://img.example.org@evil.test/a.png", "data:image/png;base64,iVBORw0KGgo="}) {
            assertEquals("", HtmlSanitizer.sanitize("<img src=\"" + src + "\" alt=\"x\">", hosts), src);
        }
        assertEquals("", HtmlSanitizer.sanitize("<img src=\"https://img.example.org/a.png\">"),
                "none allowed by default");
    }

    @Test
    void linksAreNotLimitedByTheImageRule() {
        String out = HtmlSanitizer.sanitize("<p><a href=\"https://www.who.int/\">WHO</a><a href=\"/articles/x\">内</a></p>");
        assertTrue(out.contains("href=\"https://www.who.int/\""), out);
        assertTrue(out.contains("href=\"/articles/x\""), out);
    }
}

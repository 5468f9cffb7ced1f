package org.healthportal.cms.site.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The one markup of an article teaser list (title, excerpt, "details" link, date), written directly: the home and
 * category pages print it through an EL function, and stored article pages get their shared lists filled with it
 * when served ({@link PageTemplate}), so both show the same bytes. Text is escaped for text and attributes alike.
 */
public final class TeaserHtml {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TeaserHtml() {
    }

    /** {@code <ul class="teasers">} with one item per teaser; {@code more} is the "details" link's text. */
    public static String list(List<ArticleTeaser> teasers, String contextPath, String more, ZoneId zone) {
        StringBuilder html = new StringBuilder(256 + teasers.size() * 512);
        html.append("<ul class=\"teasers\">");
        for (ArticleTeaser t : teasers) {
            String href = contextPath + "/articles/" + t.slug();
            html.append("<li class=\"teaser\"><h3><a href=\"");
            escape(html, href).append("\">");
            escape(html, t.title()).append("</a></h3><p class=\"excerpt\">");
            escape(html, t.excerpt()).append(" <a class=\"more\" href=\"");
            escape(html, href).append("\" aria-label=\"");
            escape(html, more).append('：');
            escape(html, t.title()).append("\">[");
            escape(html, more).append("]</a></p><p class=\"date\"><time datetime=\"")
                    .append(iso(t.publishedAt(), zone)).append("\">").append(dateTime(t.publishedAt(), zone))
                    .append("</time></p></li>");
        }
        return html.append("</ul>").toString();
    }

    /**
     * The items of a search result page: title and excerpt as the index marked them (already escaped, with
     * {@code <mark>} around the matches), link, "details" and date, like a teaser but with the title a heading of
     * its own rank (the page's h1 is the search itself).
     */
    public static String hits(List<SearchResult.Hit> hits, String contextPath, String more, ZoneId zone) {
        StringBuilder html = new StringBuilder(hits.size() * 640);
        for (SearchResult.Hit h : hits) {
            String href = contextPath + "/articles/" + h.slug();
            html.append("<li class=\"teaser\"><h2><a href=\"");
            escape(html, href).append("\">").append(h.titleHtml()).append("</a></h2><p class=\"excerpt\">")
                    .append(h.excerptHtml()).append(" <a class=\"more\" href=\"");
            escape(html, href).append("\">[");
            escape(html, more).append("]</a></p><p class=\"date\"><time datetime=\"")
                    .append(iso(h.publishedAt(), zone)).append("\">").append(dateTime(h.publishedAt(), zone))
                    .append("</time></p></li>");
        }
        return html.toString();
    }

    /** As lists and pages show a moment: {@code 2026-12-06 09:30} in the site's zone. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>}: the moment with its offset. */
    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    static StringBuilder escape(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}

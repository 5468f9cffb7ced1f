package org.healthportal.cms.site.boundary.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.List;
import org.healthportal.cms.site.control.ArticleTeaser;
import org.healthportal.cms.site.control.SiteConfig;
import org.healthportal.cms.site.control.TeaserHtml;

/**
 * Dates in the site's zone as EL functions ({@code #{s:dateTime(t.publishedAt)}}, WEB-INF/site.taglib.xml). A
 * function is bound when the page is compiled; a bean method call looks the method up by reflection every time,
 * and a page with a dozen teasers makes dozens of them.
 */
public final class SiteFunctions {

    private SiteFunctions() {
    }

    /** Read once: the zone is configuration, as in {@link SiteConfig}, fixed for the life of the server. */
    private static final class Formats {
        static final ZoneId ZONE = ZoneId.of(ConfigProvider.getConfig()
                .getOptionalValue(SiteConfig.ZONE_PROPERTY, String.class).orElse(SiteConfig.DEFAULT_ZONE));
        static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    }

    public static String dateTime(Instant instant) {
        return TeaserHtml.dateTime(instant, Formats.ZONE);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : Formats.DATE.format(instant);
    }

    /** For {@code <time datetime>}: the moment with its offset. */
    public static String iso(Instant instant) {
        return TeaserHtml.iso(instant, Formats.ZONE);
    }

    /** The items of a search result page ({@link TeaserHtml#hits}). */
    public static String hits(List<org.healthportal.cms.site.control.SearchResult.Hit> hits, String contextPath,
                              String more) {
        return TeaserHtml.hits(hits == null ? List.of() : hits, contextPath, more, Formats.ZONE);
    }

    /** A list of teasers ({@link TeaserHtml}); {@code more} is the "details" link's text. */
    public static String teasers(List<ArticleTeaser> items, String contextPath, String more) {
        return TeaserHtml.list(items == null ? List.of() : items, contextPath, more, Formats.ZONE);
    }
}

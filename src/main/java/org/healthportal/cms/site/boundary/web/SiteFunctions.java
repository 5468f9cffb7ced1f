package org.healthportal.cms.site.boundary.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.healthportal.cms.site.control.SiteConfig;

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
        static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
        static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : Formats.DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : Formats.DATE.format(instant);
    }

    /** For {@code <time datetime>}: the moment with its offset. */
    public static String iso(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(Formats.ZONE).withNano(0));
    }
}

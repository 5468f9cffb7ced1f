package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.healthportal.cms.site.control.CategoryNode;
import org.healthportal.cms.site.control.SiteCategories;
import org.healthportal.cms.site.control.SiteConfig;

/** What every public page uses: dates in the site's zone, the category tree, the public base URL. */
@Named
@ApplicationScoped
public class Site {

    @Inject
    SiteConfig config;

    @Inject
    SiteCategories categories;

    private DateTimeFormatter dateTime;
    private DateTimeFormatter date;

    @jakarta.annotation.PostConstruct
    void init() {
        dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(config.zone());
        date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(config.zone());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    /** For {@code <time datetime>}: the moment with its offset; pages use {@link SiteFunctions#iso}. */
    public String iso(Instant instant) {
        return SiteFunctions.iso(instant);
    }

    /** The top categories; none when the database cannot be read, so the error page still renders. */
    public List<CategoryNode> getRoots() {
        try {
            return categories.roots();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public String absolute(String path) {
        return config.absolute(path);
    }

    public String getBaseUrl() {
        return config.baseUrl();
    }

    public SiteConfig getConfig() {
        return config;
    }
}

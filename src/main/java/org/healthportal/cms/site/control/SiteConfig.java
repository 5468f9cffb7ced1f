package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public site's settings (MicroProfile Config; environment variables such as {@code CMS_SITE_CTA_TITLE}
 * override): the public base URL for canonical links, QR codes, sitemap and feed; the call-to-action block under
 * each article; the featured articles of the home page; the time zone dates are shown in.
 */
@ApplicationScoped
public class SiteConfig {

    public static final String ZONE_PROPERTY = "cms.site.zone";
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    @Inject
    @ConfigProperty(name = "cms.base-url", defaultValue = "http://127.0.0.1:8080/")
    String baseUrl;

    @Inject
    @ConfigProperty(name = ZONE_PROPERTY, defaultValue = DEFAULT_ZONE)
    String zone;

    @Inject
    @ConfigProperty(name = "cms.site.cta.enabled", defaultValue = "true")
    boolean ctaEnabled;

    @Inject
    @ConfigProperty(name = "cms.site.cta.title", defaultValue = "身体不适，别硬扛")
    String ctaTitle;

    @Inject
    @ConfigProperty(name = "cms.site.cta.text", defaultValue = "文章只能帮您了解常识。症状持续或加重时，请尽早到正规医院相关科室就诊，由医生面诊判断。")
    String ctaText;

    @Inject
    @ConfigProperty(name = "cms.site.cta.link-text", defaultValue = "查找就诊科室")
    Optional<String> ctaLinkText;

    @Inject
    @ConfigProperty(name = "cms.site.cta.url")
    Optional<String> ctaUrl;

    /** Comma-separated slugs shown as featured on the home page; empty: the newest article of each top category. */
    @Inject
    @ConfigProperty(name = "cms.site.featured")
    Optional<String> featured;

    /** The public base URL, always ending in a slash. */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** An absolute public URL for a site path such as {@code articles/x}. */
    public String absolute(String path) {
        return baseUrl() + (path.startsWith("/") ? path.substring(1) : path);
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public boolean isCtaEnabled() {
        return ctaEnabled && !ctaTitle.isBlank();
    }

    public String getCtaTitle() {
        return ctaTitle;
    }

    public String getCtaText() {
        return ctaText;
    }

    public String getCtaUrl() {
        return ctaUrl.filter(u -> u.startsWith("https://") || u.startsWith("http://") || u.startsWith("/")).orElse(null);
    }

    public String getCtaLinkText() {
        return ctaLinkText.orElse("");
    }

    public List<String> featuredSlugs() {
        return featured.map(f -> Arrays.stream(f.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}

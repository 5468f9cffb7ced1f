package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared caches in front of the site (Varnish, a CDN): how long they may keep public pages and where their
 * purges go. Browsers always revalidate ({@code max-age=0}, answered 304 from the ETag). Shared caches keep pages
 * for {@code cms.shared-max-age} only where the CMS purges them on change ({@code cms.purge-urls}): without a
 * purge, a withdrawn article would stay in them until it expired, so the default then keeps them revalidating too.
 */
@ApplicationScoped
public class SharedCaches {

    /** What public responses said before shared caches: everyone revalidates. Kept where nothing is purged. */
    public static final String REVALIDATE = "public, max-age=0, must-revalidate";

    @Inject
    @ConfigProperty(name = "cms.purge-urls")
    Optional<String> purgeUrls;

    @Inject
    @ConfigProperty(name = "cms.shared-max-age")
    Optional<Duration> sharedMaxAge;

    @Inject
    @ConfigProperty(name = "cms.cache.stale-while-revalidate", defaultValue = "PT1M")
    Duration staleWhileRevalidate;

    @Inject
    @ConfigProperty(name = "cms.cache.stale-if-error", defaultValue = "P1D")
    Duration staleIfError;

    /** An extra header sent with every purge, {@code Name: value} (a CDN's API key). */
    @Inject
    @ConfigProperty(name = "cms.purge-header")
    Optional<String> purgeHeader;

    private volatile String pageCacheControl;
    private volatile List<String> caches;

    /** The base URLs purges are sent to; empty when no shared cache is configured. */
    public List<String> caches() {
        List<String> c = caches;
        if (c == null) {
            c = parse(purgeUrls.orElse(""));
            caches = c;
        }
        return c;
    }

    public boolean purging() {
        return !caches().isEmpty();
    }

    /** {@code Cache-Control} of every public page, feed, sitemap and search answer. */
    public String pageCacheControl() {
        String c = pageCacheControl;
        if (c == null) {
            c = cacheControl(sharedMaxAge.orElse(purging() ? Duration.ofDays(1) : Duration.ZERO),
                    staleWhileRevalidate, staleIfError);
            pageCacheControl = c;
        }
        return c;
    }

    static String cacheControl(Duration sharedMaxAge, Duration staleWhileRevalidate, Duration staleIfError) {
        if (sharedMaxAge.isZero() || sharedMaxAge.isNegative()) {
            return REVALIDATE;
        }
        return "public, max-age=0, s-maxage=" + sharedMaxAge.toSeconds()
                + ", stale-while-revalidate=" + Math.max(0, staleWhileRevalidate.toSeconds())
                + ", stale-if-error=" + Math.max(0, staleIfError.toSeconds());
    }

    /** The extra purge header as name and value; empty when none (or malformed). */
    public Optional<String[]> purgeHeader() {
        return purgeHeader.map(String::strip).filter(h -> h.indexOf(':') > 0)
                .map(h -> new String[] {h.substring(0, h.indexOf(':')).strip(), h.substring(h.indexOf(':') + 1).strip()});
    }

    /** Comma-separated http(s) base URLs; anything else is refused at start with the offending entry. */
    static List<String> parse(String list) {
        List<String> urls = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String url : urls) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CMS_PURGE_URLS: not a URL: " + url, e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("CMS_PURGE_URLS: not an http(s) URL: " + url);
            }
            if (url.contains(" ")) {
                throw new IllegalArgumentException("CMS_PURGE_URLS: a URL has a space: " + url);
            }
        }
        return List.copyOf(urls);
    }
}

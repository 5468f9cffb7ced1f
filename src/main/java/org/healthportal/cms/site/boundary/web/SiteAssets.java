package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.healthportal.cms.site.control.CachedPage;

/** The public site's static files (under {@code resources/}), read once, with content-derived versions for links. */
@Named
@ApplicationScoped
public class SiteAssets {

    @Inject
    java.time.Clock clock;

    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8", "png", "image/png",
            "svg", "image/svg+xml", "ico", "image/x-icon");

    @Inject
    ServletContext servletContext;

    private final Map<String, CachedPage> assets = new ConcurrentHashMap<>();

    /** The URL to link, e.g. {@code /assets/css/site.css?v=…}. */
    public String url(String name) {
        CachedPage asset = asset(name);
        String path = servletContext.getContextPath() + "/assets/" + name;
        return asset == null ? path : path + "?v=" + asset.etag().substring(1, asset.etag().length() - 1);
    }

    CachedPage asset(String name) {
        if (!name.matches("(css|img)/[a-z0-9-]+\\.[a-z]+")) {
            return null;
        }
        return assets.computeIfAbsent(name, n -> {
            String type = TYPES.get(n.substring(n.lastIndexOf('.') + 1));
            try (InputStream in = servletContext.getResourceAsStream("/resources/" + n)) {
                return in == null || type == null ? null : CachedPage.of(type, in.readAllBytes(), clock.instant());
            } catch (IOException e) {
                return null;
            }
        });
    }
}

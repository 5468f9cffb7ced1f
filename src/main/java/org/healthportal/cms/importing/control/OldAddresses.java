package org.healthportal.cms.importing.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses a post or category had on the old site, in one normal form, so that a request for any of them can
 * be answered with a 301 to the new one: {@code /?p=ID} (or {@code /?page_id=ID}), the permalink the export gives,
 * {@code /YYYY/MM/DD/slug/}, {@code /slug/}, and {@code /category/parent/child/} for categories.
 */
public final class OldAddresses {

    private OldAddresses() {
    }

    /** Every old path of an item that became an article, normalised ({@link #normalise}). */
    public static Set<String> ofItem(Wxr.Item item, String baseSiteUrl) {
        Set<String> paths = new LinkedHashSet<>();
        boolean page = "page".equals(item.postType());
        paths.add((page ? "/?page_id=" : "/?p=") + item.postId());
        fromLink(item.link(), baseSiteUrl).ifPresent(paths::add);
        if (!item.slug().isBlank()) {
            String slug = decode(item.slug());
            if (item.date() != null && !page) {
                ZonedDateTime d = item.date().atZone(ZoneOffset.UTC);
                paths.add(String.format(Locale.ROOT, "/%04d/%02d/%02d/%s/", d.getYear(), d.getMonthValue(),
                        d.getDayOfMonth(), slug));
            }
            paths.add("/" + slug + "/");
        }
        return paths;
    }

    /** A category's archive address: {@code /category/} and its slugs from the top down. */
    public static String ofCategory(List<String> slugsFromTop) {
        StringBuilder path = new StringBuilder("/category/");
        slugsFromTop.forEach(s -> path.append(decode(s)).append('/'));
        return path.toString();
    }

    /**
     * One form for an old address as it arrives: decoded (WordPress percent-encodes Chinese slugs), lower-case,
     * ending in a slash, its query reduced to {@code p} or {@code page_id}; null when it cannot be an old address.
     */
    public static String normalise(String path, String query) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (("p".equals(name) || "page_id".equals(name)) && value.matches("\\d{1,18}") && "/".equals(path)) {
                    return "/?" + name + "=" + Long.parseLong(value);
                }
            }
        }
        String p = decode(path).toLowerCase(Locale.ROOT);
        if (p.length() > 500 || p.contains("//") || p.contains("/../")) {
            return null;
        }
        return p.endsWith("/") ? p : p + "/";
    }

    private static java.util.Optional<String> fromLink(String link, String baseSiteUrl) {
        if (link == null || link.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = URI.create(link.strip().replace(" ", "%20"));
            URI base = URI.create(baseSiteUrl == null || baseSiteUrl.isBlank() ? link : baseSiteUrl);
            if (uri.getHost() != null && base.getHost() != null && !uri.getHost().equalsIgnoreCase(base.getHost())) {
                return java.util.Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // A site in a folder (https://old.example.cn/blog): its addresses are kept as they were requested.
            return java.util.Optional.ofNullable(normalise(path, uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

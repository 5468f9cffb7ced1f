package org.healthportal.cms.importing.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.healthportal.cms.importing.control.OldAddressLookup;
import org.healthportal.cms.importing.control.OldAddresses;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * The old WordPress addresses of imported posts and categories ({@code /?p=ID}, {@code /YYYY/MM/DD/slug/},
 * {@code /slug/}, {@code /category/…}): a 301 to the article once it is public here (to its current address, so
 * a later slug change keeps them working), 410 once it was withdrawn, and to the category's page. Mapped in
 * web.xml before the public site's filter, which takes {@code /} for the home page. Only requests that can be old
 * addresses are looked up: the CMS's own paths and files pass at once.
 */
public class OldAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** First path segments of the CMS itself: never an old address. */
    private static final Set<String> OWN = Set.of("admin", "api", "articles", "categories", "media", "resources",
            "jakarta.faces.resource", "preview", "qr", "sitemaps", "health", "openapi", "metrics", "bench", "bare");
    private static final Set<String> OWN_PAGES = Set.of("/search", "/feed.xml", "/sitemap.xml", "/robots.txt");
    /** Extensions a permalink may have; a path with any other is a file (an asset), never looked up. */
    private static final Set<String> PAGE_EXTENSIONS = Set.of("html", "htm", "php");

    @Inject
    OldAddressLookup lookup;

    @Inject
    DatabaseAvailability database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (!candidate(path, request.getQueryString()) || !("GET".equals(method) || "HEAD".equals(method))
                || database.isDown()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<OldAddressLookup.Answer> answer = lookup.find(OldAddresses.normalise(path, request.getQueryString()));
        if (answer.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
        if (answer.get().gone()) {
            response.sendError(HttpServletResponse.SC_GONE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + answer.get().path());
    }

    /** Cheap for every request: no pattern, a look at the first segment and the extension only. */
    static boolean candidate(String path, String query) {
        if ("/".equals(path)) {
            return query != null && (query.startsWith("p=") || query.contains("&p=") || query.startsWith("page_id=")
                    || query.contains("&page_id="));
        }
        if (path.length() <= 1 || path.length() > 1000 || OWN_PAGES.contains(path)) {
            return false;
        }
        int slash = path.indexOf('/', 1);
        if (OWN.contains(slash < 0 ? path.substring(1) : path.substring(1, slash))) {
            return false;
        }
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            String extension = path.substring(dot + 1);
            return extension.isEmpty() || extension.length() > 8
                    || PAGE_EXTENSIONS.contains(extension.toLowerCase(java.util.Locale.ROOT));
        }
        return true;
    }
}

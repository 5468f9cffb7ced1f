package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.site.control.CacheKeys;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.CachedPage;
import org.healthportal.cms.site.control.PageStore;
import org.healthportal.cms.site.control.PageTemplate;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.SharedCaches;
import org.healthportal.cms.site.control.SiteCategories;
import org.healthportal.cms.site.control.SiteFragments;

/**
 * The public site's front door: clean URLs to facelets, and the node-local store of rendered pages in front of
 * them. A stored page is answered from memory (304 when the client's ETag matches, gzip when it asks) without
 * touching JSF, CDI scopes or the database; that path is kept short on purpose, since it carries the site's load.
 *
 * <p>A miss renders the page into a buffer, stores it if it is a 200 and nothing changed meanwhile, and answers
 * from the buffer; requests for the same page meanwhile wait for that render rather than render it too. Articles
 * that are not live answer 404, or 410 when they were public once, before any render. An article page is stored
 * with its shared lists as holes and filled when served ({@link PageTemplate}). Search results are rendered every
 * time: their keys are unbounded.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class PublicSiteFilter extends HttpFilter {

    static final String SLUG = "cms.slug";
    /** What the filter already read for a live article ({@code LivePage}), handed to the page so it is read once. */
    static final String LIVE_PAGE = "cms.article";
    /** Varnish's xkey vmod reads the tags from this header; CDNs read {@link #SURROGATE_KEY}. */
    static final String XKEY = "xkey";
    static final String SURROGATE_KEY = "Surrogate-Key";
    /** The tags of answers that are not a page (404, 410, 301): a publication may bring the address to life. */
    static final String MISS_TAGS = CacheTags.SITE + " " + CacheTags.NEWEST;

    @Inject
    PageStore store;

    @Inject
    java.time.Clock clock;

    @Inject
    PublicContent content;

    @Inject
    SiteCategories categories;

    @Inject
    DatabaseAvailability database;

    @Inject
    SharedCaches caches;

    @Inject
    SiteFragments fragments;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty()) {
            path = path.substring(context.length());
        }
        Route route = Route.of(path);
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (route.paged && CacheKeys.pageParameter(request.getQueryString()) < 0) {
            // ?page=-1, ?page=x or a number past any list: no such page, answered before anything is rendered.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String key = route.stored ? CacheKeys.of(path, request.getQueryString()) : null;
        if (key != null) {
            CachedPage hit = store.get(key);
            if (hit != null) {
                send(filled(hit, request), request, response, head, caches.pageCacheControl());
                return;
            }
        }
        // Search reads this node's index only, robots.txt nothing: both still work while the database is away.
        if (database.isDown() && route != Route.SEARCH && route != Route.ROBOTS) {
            unavailable(response);
            return;
        }
        PageStore.Render flight = key == null ? null : store.begin(key);
        if (flight != null && !flight.leads()) {
            CachedPage shared = flight.await();
            if (shared != null) {
                send(filled(shared, request), request, response, head, caches.pageCacheControl());
                return;
            }
            flight = null; // The render it waited for had nothing to share (an error, a redirect): render alone.
        }
        try {
            render(route, path, flight, request, response, chain, head);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!database.failed(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            unavailable(response);
        } finally {
            if (flight != null) {
                flight.finish(null);
            }
        }
    }

    /** A stored page as it is served: an article page with its lists filled as they are now. */
    private CachedPage filled(CachedPage page, HttpServletRequest request) {
        return page.current(fragments, request.getContextPath(), clock);
    }

    /** 503 with the site's friendly page, at once, instead of holding the thread for a connection. */
    private void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", String.valueOf(database.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private void render(Route route, String path, PageStore.Render flight, HttpServletRequest request,
                        HttpServletResponse response, FilterChain chain, boolean head)
            throws IOException, ServletException {
        String target = null;
        // Whatever answers (a page, or an error or redirect from deeper down) may be kept by a shared cache, under
        // these tags until the page names what it shows.
        String cacheControl = caches.pageCacheControl();
        response.setHeader("Cache-Control", cacheControl);
        tag(response, MISS_TAGS);
        switch (route) {
            case HOME -> target = "/index.xhtml";
            case SEARCH -> {
                tag(response, CacheTags.SITE + " " + CacheTags.SEARCH);
                request.getRequestDispatcher("/search.xhtml").forward(request, response);
                return;
            }
            case ARTICLE -> {
                String slug = path.substring("/articles/".length());
                var live = validSlug(slug) ? content.livePage(slug) : java.util.Optional.<Object>empty();
                if (live.isEmpty()) {
                    var moved = validSlug(slug) ? content.currentSlugOf(slug) : java.util.Optional.<String>empty();
                    if (moved.isPresent()) {
                        // An address the article had while public: send links and search engines on for good.
                        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                        response.setHeader("Location", request.getContextPath() + "/articles/" + moved.get());
                        return;
                    }
                    response.sendError(validSlug(slug) && content.wasPublic(slug)
                            ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                request.setAttribute(SLUG, slug);
                request.setAttribute(LIVE_PAGE, live.get());
                target = "/article.xhtml";
            }
            case CATEGORY -> {
                String slug = path.substring("/categories/".length());
                if (!validSlug(slug) || categories.bySlug(slug).isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                request.setAttribute(SLUG, slug);
                target = "/category.xhtml";
            }
            default -> {
                // Served by a servlet of this package; only stored here.
            }
        }
        CapturingResponse capture = new CapturingResponse(response);
        if (target != null) {
            request.getRequestDispatcher(target).forward(request, capture);
        } else {
            chain.doFilter(request, capture);
        }
        if (capture.passedThrough()) {
            return;
        }
        boolean ok = capture.status() == HttpServletResponse.SC_OK;
        PageTemplate template = ok && route == Route.ARTICLE
                ? PageTemplate.of(capture.getContentType(), capture.bytes(), CacheTags.of(request).header()) : null;
        CachedPage page = template != null ? template.page(fragments, request.getContextPath(), clock)
                : CachedPage.of(capture.getContentType(), capture.bytes(), clock.instant(),
                        ok ? CacheTags.of(request).header() : MISS_TAGS);
        if (flight != null && ok) {
            flight.finish(page);
        }
        if (!ok) {
            response.setStatus(capture.status());
        }
        send(page, request, response, head, cacheControl);
    }

    private static void tag(HttpServletResponse response, String tags) {
        response.setHeader(XKEY, tags);
        response.setHeader(SURROGATE_KEY, tags);
    }

    /** Writes a stored page: validators and tags first, then 304 or the (gzipped) bytes. */
    static void send(CachedPage page, HttpServletRequest request, HttpServletResponse response, boolean head,
                     String cacheControl) throws IOException {
        if (page.tags() != null) {
            tag(response, page.tags());
        }
        response.setHeader("ETag", page.etag());
        response.setHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Vary", "Accept-Encoding");
        String ifNoneMatch = request.getHeader("If-None-Match");
        long ifModifiedSince = ifNoneMatch == null ? dateHeader(request) : -1;
        if ((ifNoneMatch != null || ifModifiedSince >= 0) && page.notModified(ifNoneMatch, ifModifiedSince)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        byte[] bytes = page.body();
        if (page.gzipped() != null && acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            bytes = page.gzipped();
        }
        response.setContentLength(bytes.length);
        if (!head) {
            response.getOutputStream().write(bytes);
        }
    }

    private static long dateHeader(HttpServletRequest request) {
        try {
            return request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unparseable) {
            return -1;
        }
    }

    /** True when the client accepts gzip (and did not refuse it with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || !acceptEncoding.contains("gzip")) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String p = part.strip();
            if (p.startsWith("gzip")) {
                String rest = p.substring(4).replace(" ", "");
                return !(rest.startsWith(";q=0") && !rest.matches(";q=0\\.0*[1-9].*"));
            }
        }
        return false;
    }

    static boolean validSlug(String slug) {
        if (slug.isEmpty() || slug.length() > 120) {
            return false;
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The public URLs this filter answers; everything else passes untouched. */
    enum Route {
        HOME(true, false), ARTICLE(true, false), CATEGORY(true, true), SEARCH(false, true), SITEMAP(true, false),
        FEED(true, false), ROBOTS(true, false), QR(true, false);

        final boolean stored;
        /** Takes {@code ?page=}. */
        final boolean paged;

        Route(boolean stored, boolean paged) {
            this.stored = stored;
            this.paged = paged;
        }

        static Route of(String path) {
            if (path.equals("/")) {
                return HOME;
            }
            if (path.startsWith("/articles/")) {
                return ARTICLE;
            }
            if (path.startsWith("/categories/")) {
                return CATEGORY;
            }
            if (path.equals("/search")) {
                return SEARCH;
            }
            if (path.equals("/sitemap.xml") || path.startsWith("/sitemaps/")) {
                return SITEMAP;
            }
            if (path.equals("/feed.xml")) {
                return FEED;
            }
            if (path.equals("/robots.txt")) {
                return ROBOTS;
            }
            if (path.startsWith("/qr/")) {
                return QR;
            }
            return null;
        }
    }
}

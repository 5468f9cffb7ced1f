package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.healthportal.cms.platform.Draining;
import org.healthportal.cms.platform.web.SecurityHeadersFilter;
import org.healthportal.cms.site.control.CacheKeys;
import org.healthportal.cms.site.control.CachedPage;
import org.healthportal.cms.site.control.PageStore;
import org.healthportal.cms.site.control.SharedCaches;
import org.healthportal.cms.site.control.SiteFragments;

/**
 * The stored public pages' short way, mapped first in {@code web.xml}: a page the store holds is answered here,
 * with the headers {@link SecurityHeadersFilter} gives public pages and counted in flight like any request
 * ({@link Draining}), past the filters behind it. The container wraps every filter it calls in invocation
 * bookkeeping of its own, and five of them cost a stored page a third of its time.
 *
 * <p>Everything else goes on down the chain, where {@link PublicSiteFilter} answers it as before: a miss, another
 * method, a query other than {@code ?page=N} (an imported WordPress address such as {@code /?p=12} is the old
 * addresses' filter's, and tracking parameters are rare enough), and any request while the node is stopping.
 *
 * <p>On Payara the same answer is given earlier still, by {@link StoredPageValve}; this filter answers where that
 * valve is not installed.
 */
public class StoredPageFilter extends HttpFilter {

    @Inject
    PageStore store;

    @Inject
    SharedCaches caches;

    @Inject
    SiteFragments fragments;

    @Inject
    Draining draining;

    @Inject
    Clock clock;

    /** Set on a request {@link StoredPageValve} looked up and left alone: the store did not hold its page. */
    static final String LOOKED_UP = StoredPageFilter.class.getName() + ".lookedUp";

    /** This application's filter once it is in service, for {@link StoredPageValve}; null before and after. */
    private static volatile StoredPageFilter inService;

    static StoredPageFilter inService() {
        return inService;
    }

    @Override
    public void init() {
        inService = this;
    }

    @Override
    public void destroy() {
        if (inService == this) {
            inService = null;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(LOOKED_UP) != null || !answer(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /** Answers the request if the store holds its page; false if it was left alone for the chain. */
    boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachedPage hit = hit(request);
        if (hit == null || !draining.enterRequest()) {
            return false;
        }
        try {
            SecurityHeadersFilter.applyToPublicPage(response);
            PublicSiteFilter.send(hit.current(fragments, request.getContextPath(), clock), request, response,
                    "HEAD".equals(request.getMethod()), caches.pageCacheControl());
            return true;
        } finally {
            draining.exitRequest();
        }
    }

    private CachedPage hit(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String context = request.getContextPath();
        String path = request.getRequestURI();
        if (!context.isEmpty()) {
            path = path.substring(context.length());
        }
        PublicSiteFilter.Route route = PublicSiteFilter.Route.of(path);
        if (route == null || !route.stored) {
            return null;
        }
        String query = request.getQueryString();
        if (query != null && !(route.paged && query.startsWith("page=") && query.indexOf('&') < 0)) {
            return null;
        }
        String key = CacheKeys.of(path, query);
        return key == null ? null : store.get(key);
    }
}

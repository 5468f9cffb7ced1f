package org.healthportal.cms.preview.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.preview.control.PreviewLinks;

/**
 * {@code /preview/{token}}: the revision behind an active link, or 410 with a page that says to ask for a new
 * link (an unknown token answers the same, so nobody learns which tokens exist). Never stored: the public site's
 * page store does not see this path, and every answer says {@code private, no-store} to proxies and browsers and
 * {@code noindex} to search engines. No session: the page is a transient view, like the public pages, and the sign-in
 * mechanism leaves unprotected paths alone.
 */
@WebFilter(urlPatterns = "/preview/*", dispatcherTypes = DispatcherType.REQUEST)
public class PreviewFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String OPENED = "cms.preview.opened";
    static final String LOCALE = "cms.preview.locale";
    static final String PAGE = "/WEB-INF/preview/preview.xhtml";
    static final String GONE = "/WEB-INF/preview/gone.xhtml";
    static final String CACHE_CONTROL = "private, no-store";

    @Inject
    PreviewLinks links;

    @Inject
    DatabaseAvailability database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Cache-Control", CACHE_CONTROL);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        request.setAttribute(LOCALE, chooseLocale(request));
        if (database.isDown()) {
            unavailable(response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String token = path.startsWith("/preview/") ? path.substring("/preview/".length()) : "";
        Optional<PreviewLinks.Opened> opened;
        try {
            opened = links.open(token);
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
            unavailable(response);
            return;
        }
        if (opened.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            request.getRequestDispatcher(GONE).forward(request, response);
            return;
        }
        request.setAttribute(OPENED, opened.get());
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    private void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", String.valueOf(database.retryAfterSeconds()));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** The recipient has no account and no setting: the browser's first choice of Chinese or English, else Chinese. */
    static Locale chooseLocale(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale l : Collections.list(request.getLocales())) {
                if (l.getLanguage().equals("zh")) {
                    break;
                }
                if (l.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}

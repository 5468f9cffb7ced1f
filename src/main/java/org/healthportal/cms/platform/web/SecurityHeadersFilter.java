package org.healthportal.cms.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The security headers of every response, decided here and nowhere else. Mapped first in {@code web.xml}, before
 * the public site's page store, so a page answered from memory carries exactly the headers of a fresh render.
 *
 * <p>Public pages (and everything that is not the back office: API, media, assets) get a policy that allows no
 * script at all. The back office gets PrimeFaces' policy ({@code primefaces.CSP_POLICY} in {@code web.xml}): every
 * JSF page adds it with the page's nonce appended, replacing the nonce-less copy set here for answers that no page
 * renders (redirects, errors). PrimeFaces adds its policy on public JSF pages too; there it is dropped, so the strict
 * policy cannot be loosened from below. {@code Cache-Control: no-store} on the back office and the API is held the
 * same way; public pages, media and assets keep their own caching.
 */
public class SecurityHeadersFilter extends HttpFilter {

    static final String CSP = "Content-Security-Policy";
    static final String CACHE_CONTROL = "Cache-Control";

    /**
     * Public pages load their stylesheet and images, post only their own search form, and run nothing.
     * connect-src 'self' lets crawlers' tools (Lighthouse among them) read /robots.txt from the page's context.
     */
    static final String PUBLIC_POLICY = "default-src 'none'; connect-src 'self'; img-src 'self' https:; "
            + "style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Decided once: the stored pages' path is kept short. */
    private final Map<Area, Headers> headersByArea = new EnumMap<>(Area.class);

    @Override
    public void init() {
        String policy = getServletContext().getInitParameter("primefaces.CSP_POLICY");
        if (policy == null || !policy.strip().endsWith("script-src 'self'")) {
            throw new IllegalStateException("primefaces.CSP_POLICY must end with script-src 'self' (PrimeFaces "
                    + "appends the nonce to it): " + policy);
        }
        boolean https = isHttps(ConfigProvider.getConfig().getOptionalValue("cms.base-url", String.class).orElse(""));
        for (Area area : Area.values()) {
            headersByArea.put(area, Headers.of(area, policy.strip(), https));
        }
    }

    /**
     * For answers written before any filter runs: the authentication mechanism's redirects to the login page and its
     * 401, 403 and 429 answers. They carry no content, so they get the strict policy wherever they are.
     */
    public static void applyBeforeFilters(HttpServletRequest request, HttpServletResponse response) {
        boolean https = isHttps(ConfigProvider.getConfig().getOptionalValue("cms.base-url", String.class).orElse(""));
        Headers.of(Area.of(request.getRequestURI().substring(request.getContextPath().length())), PUBLIC_POLICY, https)
                .applyTo(response);
    }

    /** The headers of a public page, for the site's stored pages, answered before this filter runs. */
    public static void applyToPublicPage(HttpServletResponse response) {
        PublicHeaders.HEADERS.applyTo(response);
    }

    /** Read once, when the first stored page is answered. */
    private static final class PublicHeaders {
        static final Headers HEADERS = Headers.of(Area.PUBLIC, PUBLIC_POLICY,
                isHttps(ConfigProvider.getConfig().getOptionalValue("cms.base-url", String.class).orElse("")));
    }

    static boolean isHttps(String baseUrl) {
        return baseUrl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Area area = Area.of(request.getRequestURI().substring(request.getContextPath().length()));
        request.setAttribute(Area.ATTRIBUTE, area);
        Headers headers = headersByArea.get(area);
        headers.applyTo(response);
        boolean post = "POST".equals(request.getMethod());
        chain.doFilter(area == Area.BACK_OFFICE && post ? PrimeFacesCsp.withNonceDefault(request) : request,
                new GuardedResponse(response, headers));
    }

    /** Which headers a path gets. */
    enum Area {
        BACK_OFFICE, API, PUBLIC;

        static final String ATTRIBUTE = Area.class.getName();

        /** The area this filter decided for the request; public when it did not see the request. */
        static Area of(HttpServletRequest request) {
            return request.getAttribute(ATTRIBUTE) instanceof Area area ? area : PUBLIC;
        }

        static Area of(String path) {
            if (path.startsWith("/admin/") || path.equals("/admin") || path.equals("/login.xhtml")) {
                return BACK_OFFICE;
            }
            if (path.startsWith("/api/") || path.equals("/api")) {
                return API;
            }
            return PUBLIC;
        }
    }

    /** The headers of one response; {@link #applyTo} sets them again after a reset. */
    record Headers(Area area, String policy, boolean https) {

        static Headers of(Area area, String backOfficePolicy, boolean https) {
            return new Headers(area, area == Area.BACK_OFFICE ? backOfficePolicy : PUBLIC_POLICY, https);
        }

        void applyTo(HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            response.setHeader(CSP, policy);
            if (https) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            if (area != Area.PUBLIC) {
                response.setHeader(CACHE_CONTROL, "no-store");
            }
            if (area == Area.BACK_OFFICE) {
                // For browsers that do not know frame-ancestors.
                response.setHeader("X-Frame-Options", "DENY");
            }
        }

        /** PrimeFaces' nonce policy replaces the fallback on back-office pages only. */
        boolean pageMaySetPolicy() {
            return area == Area.BACK_OFFICE;
        }

        boolean cacheControlFixed() {
            return area != Area.PUBLIC;
        }
    }

    /** Holds the decided headers against what the code behind the filter writes. */
    static final class GuardedResponse extends HttpServletResponseWrapper {

        private final Headers headers;

        GuardedResponse(HttpServletResponse response, Headers headers) {
            super(response);
            this.headers = headers;
        }

        @Override
        public void setHeader(String name, String value) {
            if (name.equalsIgnoreCase(CSP)) {
                if (headers.pageMaySetPolicy()) {
                    super.setHeader(CSP, value);
                }
            } else if (!(headers.cacheControlFixed() && name.equalsIgnoreCase(CACHE_CONTROL))) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (name.equalsIgnoreCase(CSP) || name.equalsIgnoreCase(CACHE_CONTROL)) {
                // A second policy or cache directive would be combined with the first: replace instead.
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            headers.applyTo((HttpServletResponse) getResponse());
        }
    }
}

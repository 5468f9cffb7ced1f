package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.site.control.CachedPage;
import org.healthportal.cms.site.control.SharedCaches;

/**
 * {@code /assets/css/site.css?v=…}: the public site's static files from memory. Pages link them with a version
 * taken from their content ({@link SiteAssets}), so a changed file gets a new URL and browsers keep each for a year.
 * {@code /favicon.ico} and {@code /apple-touch-icon.png} too, at the addresses browsers ask for without a link.
 */
@WebServlet({"/assets/*", "/favicon.ico", "/apple-touch-icon.png"})
public class AssetServlet extends HttpServlet {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Unversioned icons: a day, then revalidated. */
    static final String ICON = "public, max-age=86400";

    @Inject
    SiteAssets assets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean icon = !"/assets".equals(request.getServletPath());
        String name = icon ? "img" + request.getServletPath()
                : request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        CachedPage asset = assets.asset(name);
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String v = request.getParameter("v");
        boolean versioned = v != null && asset.etag().equals("\"" + v + "\"");
        PublicSiteFilter.send(asset, request, response, "HEAD".equals(request.getMethod()),
                versioned ? IMMUTABLE : icon ? ICON : SharedCaches.REVALIDATE);
    }
}

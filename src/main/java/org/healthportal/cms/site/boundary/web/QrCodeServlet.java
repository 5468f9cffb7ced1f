package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.QrCodes;
import org.healthportal.cms.site.control.SiteConfig;

/**
 * {@code /qr/{slug}.png}: the QR code of a live article's public URL. Only live articles have one, so the
 * endpoint encodes nothing a reader chooses.
 */
@WebServlet("/qr/*")
public class QrCodeServlet extends HttpServlet {

    static final int SIZE = 160;

    @Inject
    PublicContent content;

    @Inject
    SiteConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String slug = name.endsWith(".png") ? name.substring(0, name.length() - 4) : "";
        java.util.Optional<Long> live = PublicSiteFilter.validSlug(slug) ? content.liveId(slug) : java.util.Optional.empty();
        if (live.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Stored by the site's filter until the article changes: it is withdrawn, or its address moves.
        CacheTags.of(request).add(CacheTags.article(live.get()));
        byte[] png = QrCodes.png(config.absolute("articles/" + slug), SIZE);
        response.setContentType("image/png");
        response.getOutputStream().write(png);
    }
}

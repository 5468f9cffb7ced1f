package org.healthportal.cms.media.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.healthportal.cms.media.control.MediaService;
import org.healthportal.cms.media.entity.MediaItem;

/**
 * Serves images at {@code /media/{id}/{name}}. Their bytes never change, so browsers and proxies may keep them
 * for a year; the ETag answers revalidation with 304.
 */
@WebServlet("/media/*")
public class MediaServlet extends HttpServlet {

    @Inject
    MediaService media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<MediaItem> found = id(request.getPathInfo()).flatMap(media::find);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MediaItem item = found.get();
        String etag = "\"" + item.getSha256() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        // Its tag, for shared caches (the site's CacheTags.media; no dependency on the site for one letter).
        response.setHeader("xkey", "m" + item.getId());
        response.setHeader("Surrogate-Key", "m" + item.getId());
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(item.getContentType());
        response.setContentLength(item.getSizeBytes());
        response.getOutputStream().write(item.getData());
    }

    static Optional<Long> id(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String[] parts = pathInfo.split("/");
        try {
            return parts.length >= 2 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

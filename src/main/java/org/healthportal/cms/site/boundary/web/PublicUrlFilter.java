package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.site.control.PublicContent;

/**
 * Clean public URLs: {@code /articles/{slug}} renders the article facelet. An article that is not live answers
 * 404, or 410 when it was public once, before any page is rendered.
 */
@WebFilter(urlPatterns = "/articles/*")
public class PublicUrlFilter extends HttpFilter {

    static final String SLUG = "cms.slug";

    @Inject
    PublicContent content;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getPathInfo() == null ? request.getRequestURI().substring(request.getContextPath().length())
                .substring("/articles".length()) : request.getPathInfo();
        String slug = path.startsWith("/") ? path.substring(1) : path;
        if (slug.isEmpty() || slug.contains("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (content.findLive(slug).isEmpty()) {
            response.sendError(content.wasPublic(slug) ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(SLUG, slug);
        request.getRequestDispatcher("/article.xhtml").forward(request, response);
    }
}

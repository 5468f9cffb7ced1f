package org.healthportal.cms.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.healthportal.cms.platform.Draining;

/**
 * Counts every request in flight for {@link Draining}; once the node is stopping, refuses new ones with 503 and
 * {@code Retry-After} before anything runs, and closes the connection so the client (or the load balancer, which
 * retries a refused GET on another node) does not come back to this one. Mapped right after the security headers;
 * {@code /health} passes uncounted, so readiness reports the drain.
 */
public class DrainFilter extends HttpFilter {

    @Inject
    Draining draining;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/health") || path.startsWith("/health/")) {
            // Uncounted and never refused: it is how the balancer learns that this node is stopping.
            chain.doFilter(request, response);
            return;
        }
        if (!draining.enterRequest()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            draining.exitRequest();
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"This server is stopping; try again.\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("This server is stopping; try again in a moment.\n");
        }
    }
}

package org.healthportal.cms.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * While the database does not answer, a back-office page or a media file that is asked for answers 503 at once
 * (each needs the database to render). Form posts go on to the page, which keeps what was typed and says why it
 * was not saved ({@link DatabaseDownExceptionHandler}).
 */
@WebFilter(urlPatterns = {"/admin/*", "/media/*"}, dispatcherTypes = DispatcherType.REQUEST)
public class DatabaseGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    DatabaseAvailability database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (database.isDown() && ("GET".equals(method) || "HEAD".equals(method))) {
            response.setHeader("Retry-After", String.valueOf(database.retryAfterSeconds()));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}

package org.healthportal.cms.site.boundary.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives the public pages' addresses a servlet of their own, though {@link PublicSiteFilter} answers every request
 * for them and never passes one on. Without one, the container's mapper fell through to the default servlet and,
 * on the way, looked each address up as a file of the WAR: a lookup that fails by throwing an exception, whose stack
 * trace was filled in for every public page, stored ones included.
 */
@WebServlet(urlPatterns = {"", "/articles/*", "/categories/*", "/search"})
public class PublicRoutesServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Never reached while the filter is in place; were it, the address is no page.
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}

package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.site.control.SiteConfig;

/**
 * {@code /robots.txt}: crawl the public site, not the back office, API or search results. The sign-in page may be
 * crawled: it shows nothing private, and a disallowed page still shows up in results, only without its description.
 */
@WebServlet("/robots.txt")
public class RobotsServlet extends HttpServlet {

    @Inject
    SiteConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("User-agent: *\n"
                + "Disallow: /admin/\n"
                + "Disallow: /api/\n"
                + "Disallow: /search\n"
                + "\n"
                + "Sitemap: " + config.absolute("sitemap.xml") + "\n");
    }
}

package org.healthportal.cms.site.boundary.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.CategoryNode;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.SiteCategories;
import org.healthportal.cms.site.control.SiteConfig;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;

/**
 * {@code /sitemap.xml}: the home page, every category and every live article. Past {@value #PER_FILE} articles
 * (the protocol allows 50,000 URLs a file) it becomes a sitemap index of {@code /sitemaps/articles-N.xml} files.
 */
@WebServlet(urlPatterns = {"/sitemap.xml", "/sitemaps/*"})
public class SitemapServlet extends HttpServlet {

    static final int PER_FILE = 40_000;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    PublicContent content;

    @Inject
    java.time.Clock clock;

    @Inject
    SiteCategories categories;

    @Inject
    SiteConfig config;

    @Inject
    ReviewPolicy reviewPolicy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        CacheTags.of(request).add(CacheTags.SITEMAP);
        // Under the noindex policy, pages overdue for review are not offered to search engines either.
        Instant overdueAt = reviewPolicy.isNoindex() ? clock.instant() : null;
        long live = content.countListed(overdueAt);
        int files = (int) Math.max(1, (live + PER_FILE - 1) / PER_FILE);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        PrintWriter out = response.getWriter();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (path.equals("/sitemap.xml") && files > 1) {
            out.write("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (int i = 1; i <= files; i++) {
                out.write("<sitemap><loc>" + config.absolute("sitemaps/articles-" + i + ".xml") + "</loc></sitemap>\n");
            }
            out.write("</sitemapindex>\n");
            return;
        }
        int file;
        if (path.equals("/sitemap.xml")) {
            file = 1;
        } else {
            String name = path.substring("/sitemaps/".length());
            if (!name.matches("articles-[1-9][0-9]{0,4}\\.xml")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            file = Integer.parseInt(name.substring(9, name.length() - 4));
            if (file > files || files == 1) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        out.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        if (file == 1) {
            out.write("<url><loc>" + config.baseUrl() + "</loc></url>\n");
            for (CategoryNode c : categories.all()) {
                out.write("<url><loc>" + config.absolute("categories/" + c.getSlug()) + "</loc></url>\n");
            }
        }
        int first = (file - 1) * PER_FILE;
        for (int at = first; at < first + PER_FILE; at += 5000) {
            var slice = content.sitemapSlice(overdueAt, at, Math.min(5000, first + PER_FILE - at));
            for (PublicContent.SitemapEntry entry : slice) {
                out.write("<url><loc>" + config.absolute("articles/" + entry.slug()) + "</loc>");
                if (entry.publishedAt() != null) {
                    out.write("<lastmod>" + W3C.format(entry.publishedAt().atOffset(ZoneOffset.UTC).withNano(0))
                            + "</lastmod>");
                }
                out.write("</url>\n");
            }
            if (slice.size() < 5000) {
                break;
            }
        }
        out.write("</urlset>\n");
    }
}

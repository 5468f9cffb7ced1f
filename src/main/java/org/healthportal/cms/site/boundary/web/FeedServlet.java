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
import java.util.List;
import java.util.ResourceBundle;
import java.util.Locale;
import org.healthportal.cms.site.control.ArticleTeaser;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.SiteConfig;

/** {@code /feed.xml}: an Atom feed of the newest live articles, their summaries as entry summaries. */
@WebServlet("/feed.xml")
public class FeedServlet extends HttpServlet {

    static final int ENTRIES = 20;

    @Inject
    PublicContent content;

    @Inject
    SiteConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<ArticleTeaser> latest = content.latest(ENTRIES);
        CacheTags.of(request).add(CacheTags.NEWEST).listing(latest);
        String siteName = ResourceBundle.getBundle("i18n.site", Locale.SIMPLIFIED_CHINESE).getString("site.name");
        response.setContentType("application/atom+xml;charset=UTF-8");
        PrintWriter out = response.getWriter();
        Instant updated = latest.isEmpty() || latest.get(0).publishedAt() == null ? Instant.EPOCH : latest.get(0).publishedAt();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        out.write("<title>" + xml(siteName) + "</title>\n");
        out.write("<id>" + xml(config.baseUrl()) + "</id>\n");
        out.write("<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(config.baseUrl()) + "\"/>\n");
        out.write("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(config.absolute("feed.xml")) + "\"/>\n");
        out.write("<updated>" + iso(updated) + "</updated>\n");
        for (ArticleTeaser a : latest) {
            String url = config.absolute("articles/" + a.slug());
            out.write("<entry>\n<title>" + xml(a.title()) + "</title>\n");
            out.write("<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(url) + "\"/>\n");
            out.write("<id>" + xml(url) + "</id>\n");
            out.write("<updated>" + iso(a.publishedAt()) + "</updated>\n");
            out.write("<author><name>" + xml(siteName) + "</name></author>\n");
            out.write("<summary>" + xml(a.summary()) + "</summary>\n</entry>\n");
        }
        out.write("</feed>\n");
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((instant == null ? Instant.EPOCH : instant)
                .atOffset(ZoneOffset.UTC).withNano(0));
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.healthportal.cms.site.control.PageStore;
import org.healthportal.cms.site.control.SearchIndex;

/**
 * Benchmark references, only when the JVM runs with {@code -Dcms.bench=true} (bench/run.sh does): otherwise
 * nothing is registered and {@code /bench/*} does not exist. Loopback callers only.
 * <ul>
 * <li>{@code PUT /bench/bare} stores bytes; {@code GET /bench/bare} writes them from memory, the container's
 * ceiling to compare the page store with;</li>
 * <li>{@code POST /bench/page-cache?enabled=false} switches the page store off to measure uncached renders;</li>
 * <li>{@code GET /bench/status} tells how many articles the search index holds.</li>
 * </ul>
 */
@WebListener
public class BenchmarkSupport implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (Boolean.getBoolean("cms.bench")) {
            event.getServletContext().addServlet("cms-bench", new BenchServlet()).addMapping("/bench/*");
        }
    }

    static final class BenchServlet extends HttpServlet {

        private volatile byte[] bare = new byte[0];

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!"127.0.0.1".equals(request.getRemoteAddr()) && !"0:0:0:0:0:0:0:1".equals(request.getRemoteAddr())) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            String what = request.getPathInfo() == null ? "" : request.getPathInfo();
            switch (request.getMethod() + " " + what) {
                case "GET /bare" -> {
                    byte[] b = bare;
                    response.setContentType("text/html;charset=UTF-8");
                    response.setContentLength(b.length);
                    response.getOutputStream().write(b);
                }
                case "PUT /bare" -> {
                    bare = request.getInputStream().readAllBytes();
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "POST /page-cache" -> {
                    CDI.current().select(PageStore.class).get()
                            .setEnabled(Boolean.parseBoolean(request.getParameter("enabled")));
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "GET /status" -> {
                    SearchIndex index = CDI.current().select(SearchIndex.class).get();
                    PageStore store = CDI.current().select(PageStore.class).get();
                    response.setContentType("application/json");
                    response.getWriter().write("{\"indexReady\":" + index.isReady() + ",\"indexed\":" + index.size()
                            + ",\"storedPages\":" + store.size() + ",\"pageCache\":" + store.isEnabled() + "}");
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        }
    }
}

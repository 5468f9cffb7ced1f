package org.healthportal.cms.site.boundary.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Contained;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.glassfish.web.valve.GlassFishValve;

/**
 * Payara's way in for a stored public page, named in {@code WEB-INF/glassfish-web.xml}. JFR showed the
 * application's authenticator valve costing a stored page a fifth of its time (Jakarta Security's JASPIC bridge and
 * JACC's user-data check on every request, though public pages have no security constraint). Payara adds that valve
 * first, as the application starts, and this one after it; this one then moves it, and anything else added before
 * it, behind itself ({@link #goFirst}), before the application takes its first request.
 *
 * <p>A stored page is answered as {@link StoredPageFilter} answers it, with the same headers and counted in flight
 * the same way; everything else, and everything before the filter is in service, goes on through the pipeline as
 * before, authenticator first. Only the public site's stored routes are answered here, and no security constraint
 * covers them ({@code /admin/*} and {@code /api/*} are no such routes).
 */
public class StoredPageValve implements GlassFishValve, Contained {

    private static final Logger LOG = Logger.getLogger(StoredPageValve.class.getName());

    private Container container;
    /** False for the instance Payara made once it has put one ahead of the authenticator: that one answers. */
    private boolean answering = true;
    /** The instance put first; it stays where it is put. */
    private final boolean first;

    /** Payara's, from {@code glassfish-web.xml}. */
    public StoredPageValve() {
        this(false);
    }

    private StoredPageValve(boolean first) {
        this.first = first;
    }

    @Override
    public Container getContainer() {
        return container;
    }

    @Override
    public void setContainer(Container container) {
        boolean placed = this.container != null;
        this.container = container;
        if (placed || first || container == null) {
            return;
        }
        // Payara adds this valve while the application starts, after the authenticator. Until the start is over the
        // host does not list the application, so no request can be inside its pipeline while the valves move.
        Container host = container.getParent();
        if (host != null && host.findChild(container.getName()) == null) {
            goFirst(container.getPipeline());
            answering = false;
        } else {
            LOG.info("Stored pages are answered after the authenticator: the application was already serving");
        }
    }

    /**
     * Puts another instance ahead of the valves already there (the authenticator), which are taken out and added
     * back after it, in their order; this instance, added last by Payara, then lets everything through.
     */
    void goFirst(Pipeline pipeline) {
        List<GlassFishValve> ahead = new ArrayList<>();
        for (GlassFishValve valve : pipeline.getValves()) {
            if (valve != pipeline.getBasic()) {
                ahead.add(valve);
            }
        }
        ahead.forEach(pipeline::removeValve);
        StoredPageValve answering = new StoredPageValve(true);
        pipeline.addValve(answering);
        ahead.forEach(pipeline::addValve);
        List<GlassFishValve> now = List.of(pipeline.getValves());
        if (!now.containsAll(ahead) || !now.contains(answering)) {
            // Cannot happen with Payara's pipeline; said loudly if it ever does.
            LOG.severe("A valve went missing while the stored pages' valve moved first: " + ahead + " -> " + now);
        }
        LOG.log(Level.FINE, "Stored pages answered ahead of {0}", ahead);
    }

    @Override
    public String getInfo() {
        return StoredPageValve.class.getName();
    }

    @Override
    public int invoke(Request request, Response response) throws IOException, ServletException {
        StoredPageFilter filter = answering ? StoredPageFilter.inService() : null;
        if (filter != null && request.getRequest() instanceof HttpServletRequest httpRequest
                && response.getResponse() instanceof HttpServletResponse httpResponse) {
            if (filter.answer(httpRequest, httpResponse)) {
                return END_PIPELINE;
            }
            // Not stored: the filter need not look again.
            httpRequest.setAttribute(StoredPageFilter.LOOKED_UP, Boolean.TRUE);
        }
        return INVOKE_NEXT;
    }

    @Override
    public void postInvoke(Request request, Response response) {
        // Nothing to undo.
    }
}

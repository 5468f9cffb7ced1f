package org.healthportal.cms.site.boundary.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Contained;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Loader;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.glassfish.web.valve.GlassFishValve;

/**
 * Payara's way in for a stored public page, named in {@code WEB-INF/glassfish-web.xml}. JFR of a stored page put a
 * fifth of its time in the application's authenticator valve (Jakarta Security's JASPIC bridge and JACC's user-data
 * check, on pages no constraint covers), and another fifth in the request listeners the host fires before any valve
 * of the application runs (Weld's request context, Mojarra's listener, Payara's invocation events around each).
 * A stored page needs none of them: it is bytes from memory.
 *
 * <p>So, as the application starts, the instance Payara makes puts another one in the host's pipeline
 * ({@link #answerAtHost}), which answers the application's stored pages before the host hands the request to the
 * application, and is taken out again when the application stops. Every other request, and every request of
 * another application on the same server, goes on as before, through the authenticator and the listeners. Where
 * there is no host (never on Payara), the instance Payara made answers itself, after the authenticator.
 *
 * <p>A stored page is answered as {@link StoredPageFilter} answers it, with the same headers and counted in flight
 * the same way. Only the public site's stored routes are answered, and no security constraint covers them
 * ({@code /admin/*} and {@code /api/*} are no such routes).
 */
public class StoredPageValve implements GlassFishValve, Contained {

    private static final Logger LOG = Logger.getLogger(StoredPageValve.class.getName());

    private Container container;
    /** The host's instance: the application whose requests it answers. Null for the instance Payara made. */
    private final Container application;
    /** False for the instance Payara made once the host's answers for it. */
    private volatile boolean answering = true;

    /** Payara's, from {@code glassfish-web.xml}. */
    public StoredPageValve() {
        this(null);
    }

    private StoredPageValve(Container application) {
        this.application = application;
    }

    @Override
    public Container getContainer() {
        return container;
    }

    @Override
    public void setContainer(Container container) {
        boolean placed = this.container != null;
        this.container = container;
        if (!placed && application == null && container != null) {
            answering = !answerAtHost(container);
        }
    }

    /**
     * Puts an instance answering this application's stored pages in its host's pipeline, to be removed when the
     * application stops; false when there is no host to put it in.
     */
    boolean answerAtHost(Container app) {
        Container host = app.getParent();
        if (host == null || host.getPipeline() == null || !(app instanceof Lifecycle lifecycle)) {
            LOG.info("Stored pages are answered after the authenticator: the application has no host");
            return false;
        }
        Pipeline pipeline = host.getPipeline();
        StoredPageValve atHost = new StoredPageValve(app);
        pipeline.addValve(atHost);
        LifecycleListener removal = new LifecycleListener() {
            @Override
            public void lifecycleEvent(org.apache.catalina.LifecycleEvent event) {
                // Before the application's parts stop: no stored page is answered by an application going away.
                if (Lifecycle.BEFORE_STOP_EVENT.equals(event.getType())) {
                    pipeline.removeValve(atHost);
                    lifecycle.removeLifecycleListener(this);
                }
            }
        };
        lifecycle.addLifecycleListener(removal);
        LOG.log(Level.FINE, "Stored pages of {0} answered at the host {1}", new Object[]{app.getName(), host.getName()});
        return true;
    }

    @Override
    public String getInfo() {
        return StoredPageValve.class.getName();
    }

    @Override
    public int invoke(Request request, Response response) throws IOException, ServletException {
        if ((application != null && request.getContext() != application) || !answering) {
            return INVOKE_NEXT;
        }
        StoredPageFilter filter = StoredPageFilter.inService();
        if (filter != null && request.getRequest() instanceof HttpServletRequest httpRequest
                && response.getResponse() instanceof HttpServletResponse httpResponse) {
            // The host has not yet given the thread the application's class loader: given here, as it would.
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            Loader loader = application == null ? null : application.getLoader();
            if (loader != null) {
                thread.setContextClassLoader(loader.getClassLoader());
            }
            try {
                if (filter.answer(httpRequest, httpResponse)) {
                    return END_PIPELINE;
                }
            } finally {
                thread.setContextClassLoader(before);
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

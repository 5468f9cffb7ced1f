package org.healthportal.cms.site.boundary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.core.StandardEngine;
import org.apache.catalina.core.StandardHost;
import org.glassfish.web.valve.GlassFishValve;
import org.junit.jupiter.api.Test;

/** The valve's places in the web container's own pipelines (GlassFish's, from which Payara's come). */
class StoredPageValveTest {

    @Test
    void asTheApplicationStartsAnInstanceAnsweringItsStoredPagesGoesToTheHost() {
        Container app = application();
        GlassFishValve authenticator = new Named("authenticator");
        app.getPipeline().addValve(authenticator);
        StoredPageValve configured = new StoredPageValve();

        app.getPipeline().addValve(configured);

        List<GlassFishValve> atHost = List.of(app.getParent().getPipeline().getValves());
        assertTrue(atHost.get(0) instanceof StoredPageValve, atHost.toString());
        assertNotSame(configured, atHost.get(0));
        assertSame(app.getParent().getPipeline().getBasic(), atHost.get(1), "then the host's own valve, as before");
        List<GlassFishValve> inApp = List.of(app.getPipeline().getValves());
        assertEquals(List.of(authenticator, configured, app.getPipeline().getBasic()), inApp,
                "the application's pipeline is as Payara made it: everything not stored is authenticated as before");
    }

    @Test
    void theHostsInstanceLeavesOtherApplicationsRequestsAlone() throws Exception {
        Container app = application();
        app.getPipeline().addValve(new StoredPageValve());
        GlassFishValve atHost = app.getParent().getPipeline().getValves()[0];
        List<String> asked = new ArrayList<>();
        // Null: any context but this application's (a proxy of Context would need Grizzly's classes here).
        assertEquals(GlassFishValve.INVOKE_NEXT, atHost.invoke(request(null, asked), null));
        assertEquals(List.of("getContext"), asked, "nothing but which application the request is for");
    }

    @Test
    void theHostsInstanceGoesWhenTheApplicationStops() throws LifecycleException {
        Container app = application();
        app.getPipeline().addValve(new StoredPageValve());
        assertEquals(2, app.getParent().getPipeline().getValves().length);

        for (LifecycleListener l : List.copyOf(((Lifecycle) app).findLifecycleListeners())) {
            l.lifecycleEvent(new LifecycleEvent((Lifecycle) app, Lifecycle.BEFORE_STOP_EVENT));
        }

        List<GlassFishValve> atHost = List.of(app.getParent().getPipeline().getValves());
        assertEquals(List.of(app.getParent().getPipeline().getBasic()), atHost, "nothing left of it at the host");
        assertTrue(((Lifecycle) app).findLifecycleListeners().isEmpty(), "nor of its listener");
    }

    @Test
    void withoutAHostTheConfiguredInstanceAnswersInPlace() {
        StandardHost app = new StandardHost();
        app.setName("cms");
        StoredPageValve configured = new StoredPageValve();

        app.getPipeline().addValve(configured);

        assertFalse(configured.answerAtHost(app));
        assertEquals(List.of(configured, app.getPipeline().getBasic()), List.of(app.getPipeline().getValves()));
    }

    /** An application in a host; the pipeline is the same for every kind of container. */
    private static Container application() {
        StandardEngine host = new StandardEngine();
        host.setName("server");
        StandardHost app = new StandardHost();
        app.setName("cms");
        app.setParent(host);
        return app;
    }

    /** A request for this application that records what the valve asks of it. */
    private static Request request(Object application, List<String> asked) {
        return (Request) Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[]{Request.class},
                (proxy, method, args) -> {
                    asked.add(method.getName());
                    return method.getName().equals("getContext") ? application : null;
                });
    }

    private record Named(String name) implements GlassFishValve {

        @Override
        public String getInfo() {
            return name;
        }

        @Override
        public int invoke(Request request, Response response) {
            return INVOKE_NEXT;
        }

        @Override
        public void postInvoke(Request request, Response response) {
        }
    }
}

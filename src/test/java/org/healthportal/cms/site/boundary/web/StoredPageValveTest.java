package org.healthportal.cms.site.boundary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardEngine;
import org.apache.catalina.core.StandardHost;
import org.glassfish.web.valve.GlassFishValve;
import org.junit.jupiter.api.Test;

/** The valve's place in the web container's own pipeline (GlassFish's, from which Payara's comes). */
class StoredPageValveTest {

    @Test
    void whileTheApplicationStartsTheAnsweringValveGoesAheadOfTheAuthenticator() {
        Container context = context();
        GlassFishValve authenticator = new Named("authenticator");
        context.getPipeline().addValve(authenticator);
        StoredPageValve configured = new StoredPageValve();

        context.getPipeline().addValve(configured);

        List<GlassFishValve> valves = List.of(context.getPipeline().getValves());
        assertInstanceOf(StoredPageValve.class, valves.get(0), valves.toString());
        assertNotSame(configured, valves.get(0), "the valve answering is the one put first");
        assertSame(authenticator, valves.get(1), "the authenticator still runs for everything else");
        assertSame(configured, valves.get(2), "the configured one lets everything through");
        assertSame(context.getPipeline().getBasic(), valves.get(3));
        assertEquals(4, valves.size(), valves.toString());
    }

    @Test
    void anApplicationAlreadyServingKeepsItsOrder() {
        Container context = context();
        context.getParent().addChild(context);
        GlassFishValve authenticator = new Named("authenticator");
        context.getPipeline().addValve(authenticator);
        StoredPageValve configured = new StoredPageValve();

        context.getPipeline().addValve(configured);

        List<GlassFishValve> valves = List.of(context.getPipeline().getValves());
        assertSame(authenticator, valves.get(0), "never moved while requests may be inside the pipeline");
        assertSame(configured, valves.get(1));
        assertFalse(valves.subList(2, valves.size()).stream().anyMatch(StoredPageValve.class::isInstance));
    }

    /** A container and its parent; the pipeline is the same for every kind of container. */
    private static Container context() {
        StandardEngine parent = new StandardEngine();
        parent.setName("engine");
        StandardHost context = new StandardHost();
        context.setName("cms");
        context.setParent(parent);
        return context;
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

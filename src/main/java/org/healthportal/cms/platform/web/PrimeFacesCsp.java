package org.healthportal.cms.platform.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.primefaces.config.PrimeConfiguration;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspPhaseListener;
import org.primefaces.csp.CspState;

/**
 * Runs PrimeFaces' CSP set-up (the nonce, its header and its init script) where it fits this application.
 *
 * <p>PrimeFaces runs it before the view is built, when a stateless page such as the sign-in page does not know yet
 * that it is stateless: the nonce then goes into a view map, which gives every visitor a session. Here it runs once
 * the view is built ({@link PreRenderViewEvent}), and only in the back office: public pages run no script, and their
 * policy is {@link SecurityHeadersFilter}'s alone.
 */
public class PrimeFacesCsp implements PhaseListener, SystemEventListener {

    /** PrimeFaces' form field with the page's nonce, which its script adds to every form. */
    static final String NONCE_PARAM = "primefaces.nonce";
    private static final String DEFERRED = PrimeFacesCsp.class.getName() + ".deferred";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Nothing before the view is restored.
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        // Marked as done, PrimeFaces' own listener leaves the request alone.
        PrimeFacesContext.getCspState(faces).setInitialized(true);
        Object request = faces.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http && SecurityHeadersFilter.Area.of(http) == SecurityHeadersFilter.Area.BACK_OFFICE) {
            faces.getAttributes().put(DEFERRED, Boolean.TRUE);
        }
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getAttributes().remove(DEFERRED) == null) {
            return;
        }
        CspState state = PrimeFacesContext.getCspState(faces);
        state.setInitialized(false);
        PrimeConfiguration config = PrimeApplicationContext.getCurrentInstance(faces).getConfig();
        CspPhaseListener.initCsp(faces, config.isCsp(), config.isPolicyProvided(), config.getCspReportOnlyPolicy(),
                config.getCspPolicy());
    }

    /**
     * A back-office form posted without PrimeFaces' nonce field (by a client without script) gets a fresh nonce, as
     * its first request did: PrimeFaces takes a stateless page's nonce from the post, and would fail the page without
     * one. A stateful page's nonce is in its view and must still match. Read lazily, after JSF chose the encoding.
     */
    static HttpServletRequest withNonceDefault(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            private String fresh;

            @Override
            public String getParameter(String name) {
                String value = super.getParameter(name);
                if (value == null && NONCE_PARAM.equals(name)) {
                    if (fresh == null) {
                        fresh = new CspState(null).generateNonce();
                    }
                    return fresh;
                }
                return value;
            }
        };
    }
}

package org.healthportal.cms.accounts.boundary.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Answers "nobody" at once for a request that cannot authenticate anyone, and hands every other request to
 * Jakarta Security as before. Soteria's bridge looks the BeanManager up in JNDI and resolves the mechanism bean on
 * every request, which JFR put at a sixth of a stored public page's time, only for {@link CmsAuthenticationMechanism}
 * to do nothing: it does nothing exactly when the resource is not protected, no sign-in was asked for
 * ({@code SecurityContext.authenticate}), and the request carries neither credentials nor a session cookie.
 *
 * <p>Registered over Soteria's provider for this application once Soteria has registered it; if it is not there
 * (another Payara), nothing changes.
 */
@WebListener
public class AnonymousShortcut implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AnonymousShortcut.class.getName());
    private static final String LAYER = "HttpServlet";
    private static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /** Soteria's mark of a programmatic sign-in ({@code SecurityContext.authenticate}). */
    private static final String SIGN_IN_ASKED = "org.glassfish.soteria.security.message.request.authentication";
    private static final String SKIPPED = AnonymousShortcut.class.getName() + ".skipped";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider soteria = factory == null ? null : factory.getConfigProvider(LAYER, appContext, null);
        if (soteria == null) {
            LOG.warning("No Jakarta Security provider registered for '" + appContext
                    + "': every request goes to the container's authentication as it is");
            return;
        }
        factory.registerConfigProvider(new Provider(soteria), LAYER, appContext,
                "Jakarta Security, with anonymous requests answered without it");
    }

    /** True when the mechanism would do nothing: then there is no need to ask it. */
    static boolean anonymous(MessageInfo message) {
        if (!(message.getRequestMessage() instanceof HttpServletRequest request)) {
            return false;
        }
        Map<?, ?> map = message.getMap();
        Object mandatory = map == null ? null : map.get(IS_MANDATORY);
        if (mandatory != null && Boolean.parseBoolean(mandatory.toString())) {
            return false;
        }
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() == null
                && request.getAttribute(SIGN_IN_ASKED) == null;
    }

    /** Soteria's provider, its contexts wrapped. */
    private record Provider(AuthConfigProvider delegate) implements AuthConfigProvider {

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return delegate.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new Config(delegate.getServerAuthConfig(layer, appContext, handler), handler);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }
    }

    private record Config(ServerAuthConfig delegate, CallbackHandler handler) implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject, Map properties)
                throws AuthException {
            ServerAuthContext inner = delegate.getAuthContext(authContextID, serviceSubject, properties);
            return inner == null ? null : new Context(inner, handler);
        }

        @Override
        public String getMessageLayer() {
            return delegate.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return delegate.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return delegate.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }

        @Override
        public boolean isProtected() {
            return delegate.isProtected();
        }
    }

    private record Context(ServerAuthContext delegate, CallbackHandler handler) implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (!anonymous(message)) {
                return delegate.validateRequest(message, client, service);
            }
            // What the mechanism's doNothing() tells the container: no caller.
            try {
                handler.handle(new Callback[] {new CallerPrincipalCallback(client, (String) null)});
            } catch (IOException | UnsupportedCallbackException e) {
                LOG.log(Level.FINE, "Falling back to Jakarta Security", e);
                return delegate.validateRequest(message, client, service);
            }
            ((HttpServletRequest) message.getRequestMessage()).setAttribute(SKIPPED, Boolean.TRUE);
            return AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            if (message.getRequestMessage() instanceof HttpServletRequest request && request.getAttribute(SKIPPED) != null) {
                return AuthStatus.SEND_SUCCESS;
            }
            return delegate.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            delegate.cleanSubject(message, subject);
        }
    }
}

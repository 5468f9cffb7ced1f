package org.healthportal.cms.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.healthportal.cms.accounts.control.CmsIdentityStore;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), choosing by path:
 * <ul>
 * <li>{@code /api/*}: HTTP Basic on every request, never a session; failures are a JSON 401.</li>
 * <li>everything else: form login through the login page, the caller kept in the HTTP session. Only a login or
 * a protected page touches the session, so public pages never create one.</li>
 * </ul>
 */
@ApplicationScoped
public class CmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "cms.caller";
    static final String SESSION_GROUPS = "cms.groups";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    CmsIdentityStore identityStore;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return basic(request, response, context);
        }
        return form(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header.substring(6).trim());
            CredentialValidationResult result = credential == null
                    ? CredentialValidationResult.INVALID_RESULT : identityStore.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(response, "Invalid username or password");
        }
        if (context.isProtected()) {
            return unauthorized(response, "Authentication required: use HTTP Basic with a CMS account");
        }
        return context.doNothing();
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"cms\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + message + "\"}");
        } catch (IOException e) {
            // The client went away; the status is all it could have had.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpServletResponse response,
                                      HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            CredentialValidationResult result = identityStore.validate(login);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            // A fresh session id on login defeats session fixation.
            request.getSession(true);
            request.changeSessionId();
            HttpSession session = request.getSession();
            session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
            session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
            return context.notifyContainerAboutLogin(result);
        }

        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
            return context.notifyContainerAboutLogin(caller, groups);
        }
        if (context.isProtected()) {
            return toLogin(request, response);
        }
        return context.doNothing();
    }

    /** Sends the browser to the login page, with a note when its session has run out; ajax gets a partial redirect. */
    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpServletResponse response) {
        boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String url = request.getContextPath() + LOGIN_PAGE + (expired ? "?expired=true" : "");
        try {
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + url + "\"></redirect></partial-response>");
            } else {
                response.sendRedirect(url);
            }
        } catch (IOException e) {
            // The client went away.
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
            session.removeAttribute(SESSION_GROUPS);
        }
    }
}

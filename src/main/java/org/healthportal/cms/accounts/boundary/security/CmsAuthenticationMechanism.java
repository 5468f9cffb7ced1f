package org.healthportal.cms.accounts.boundary.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.control.ClientAddresses;
import org.healthportal.cms.accounts.control.CmsIdentityStore;
import org.healthportal.cms.accounts.control.LoginThrottle;
import org.healthportal.cms.accounts.control.SessionState;
import org.healthportal.cms.accounts.control.SignedInSession;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.LoginAttempt.Channel;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.platform.web.SecurityHeadersFilter;

/**
 * The application's one authentication mechanism (Jakarta Security allows one), choosing by path:
 * <ul>
 * <li>{@code /api/*}: HTTP Basic on every request, never a session; failures are a JSON 401, a throttled
 * client a JSON 429 with {@code Retry-After}.</li>
 * <li>everything else: form login through the login page, the caller kept in the HTTP session. Only a login or
 * a protected page touches the session, so public pages never create one. Each protected request checks the
 * session against the account as the database has it now, so a disable, a role change or a new password ends
 * every other session on every instance at its next request.</li>
 * </ul>
 * Both ask the sign-in throttle first and tell it every failure.
 */
@ApplicationScoped
public class CmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String PASSWORD_PAGE = "/admin/password.xhtml";
    /** Set on a refused form sign-in that the throttle held back: the {@link Instant} it may be tried again. */
    public static final String BLOCKED_UNTIL = "cms.login.blockedUntil";
    /** Set on a form sign-in that could not be checked because the database does not answer. */
    public static final String DATABASE_DOWN = "cms.login.databaseDown";

    @Inject
    CmsIdentityStore identityStore;

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddresses addresses;

    @Inject
    DatabaseAvailability database;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.session.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "cms.session.absolute-timeout", defaultValue = "PT12H")
    Duration absoluteTimeout;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return basic(request, response, context);
        }
        return form(request, response, context, path);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header.substring(6).trim());
            if (credential == null) {
                return json(request, response, 401, "Invalid username or password", null);
            }
            Optional<Account> account = signInIfDatabaseAnswers(request, credential, Channel.BASIC);
            if (request.getAttribute(DATABASE_DOWN) != null) {
                return json(request, response, 503, "The database is unavailable: try again shortly",
                        database.retryAfterSeconds());
            }
            if (account == null) {
                return json(request, response, 429, "Too many failed sign-ins: try again later", retryAfter(request));
            }
            if (account.isEmpty()) {
                return json(request, response, 401, "Invalid username or password", null);
            }
            if (account.get().isPasswordChangeRequired()) {
                return json(request, response, 403, "This account's password was set by someone else: sign in to the back"
                        + " office and choose a new one first", null);
            }
            return context.notifyContainerAboutLogin(CmsIdentityStore.result(account.get()));
        }
        if (context.isProtected()) {
            return json(request, response, 401, "Authentication required: use HTTP Basic with a CMS account", null);
        }
        return context.doNothing();
    }

    /**
     * Asks the throttle, then the identity store: the signed-in account, empty when the credential is wrong, or
     * null when the throttle refused it unchecked (then {@link #BLOCKED_UNTIL} says until when).
     */
    private Optional<Account> signIn(HttpServletRequest request, UsernamePasswordCredential credential, Channel channel) {
        String address = addresses.of(request);
        LoginThrottle.Verdict verdict = throttle.check(credential.getCaller(), address);
        if (verdict.blocked()) {
            Instant until = verdict.blockedUntil().orElseThrow();
            throttle.throttled(credential.getCaller(), address, channel, until);
            request.setAttribute(BLOCKED_UNTIL, until);
            return null;
        }
        Optional<Account> account = identityStore.authenticate(credential);
        if (account.isEmpty()) {
            throttle.failed(credential.getCaller(), address, channel);
        } else if (verdict.accountHasFailures()) {
            throttle.succeeded(account.get().getUsername());
        }
        return account;
    }

    /**
     * {@link #signIn}, unless the database does not answer: then nothing is checked or counted, and null comes back
     * with {@link #DATABASE_DOWN} set on the request to the seconds for {@code Retry-After}.
     */
    private Optional<Account> signInIfDatabaseAnswers(HttpServletRequest request, UsernamePasswordCredential credential,
                                                      Channel channel) {
        try {
            if (!database.isDown()) {
                return signIn(request, credential, channel);
            }
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
        }
        request.setAttribute(DATABASE_DOWN, database.retryAfterSeconds());
        return null;
    }

    private Long retryAfter(HttpServletRequest request) {
        Instant until = (Instant) request.getAttribute(BLOCKED_UNTIL);
        return Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
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

    private static AuthenticationStatus json(HttpServletRequest request, HttpServletResponse response, int status,
                                             String message, Long retryAfter) {
        SecurityHeadersFilter.applyBeforeFilters(request, response);
        try {
            response.setStatus(status);
            if (status == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"cms\", charset=\"UTF-8\"");
            }
            if (retryAfter != null) {
                response.setHeader("Retry-After", String.valueOf(retryAfter));
            }
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + message + "\""
                    + (retryAfter == null ? "" : ",\"retryAfter\":" + retryAfter) + "}");
        } catch (IOException e) {
            // The client went away; the status is all it could have had.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpServletResponse response,
                                      HttpMessageContext context, String path) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            Optional<Account> signedIn = signInIfDatabaseAnswers(request, login, Channel.FORM);
            if (request.getAttribute(DATABASE_DOWN) != null) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (signedIn == null || signedIn.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            Account account = signedIn.get();
            // A fresh session id on login defeats session fixation.
            request.getSession(true);
            request.changeSessionId();
            SessionCookies.sameSite(response);
            HttpSession session = request.getSession();
            session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds()));
            SignedInSession.begin(session, account.getUsername(), CmsIdentityStore.groups(account),
                    account.getSessionGeneration(), clock.instant());
            return context.notifyContainerAboutLogin(CmsIdentityStore.result(account));
        }

        HttpSession session = request.getSession(false);
        String caller = SignedInSession.caller(session);
        if (caller != null) {
            if (context.isProtected()) {
                if (clock.instant().isAfter(SignedInSession.signedInAt(session).plus(absoluteTimeout))) {
                    session.invalidate();
                    return toLogin(request, response, "?expired=true");
                }
                Optional<SessionState> state = currentState(caller);
                if (state == null) {
                    // The database does not answer, so nothing can be read or changed by this session: keep it,
                    // so the page can say so and what the user typed stays in the form.
                    return context.notifyContainerAboutLogin(caller, SignedInSession.groups(session));
                }
                if (state.isEmpty() || !state.get().enabled()
                        || state.get().generation() != SignedInSession.generation(session)) {
                    session.invalidate();
                    return toLogin(request, response, "?ended=true");
                }
                if (state.get().passwordChangeRequired() && !path.equals(PASSWORD_PAGE)) {
                    return redirect(request, response, request.getContextPath() + PASSWORD_PAGE);
                }
            }
            return context.notifyContainerAboutLogin(caller, SignedInSession.groups(session));
        }
        if (context.isProtected()) {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            return toLogin(request, response, expired ? "?expired=true" : "");
        }
        return context.doNothing();
    }

    /** The account as the database has it now; null when the database does not answer. */
    private Optional<SessionState> currentState(String caller) {
        if (database.isDown()) {
            return null;
        }
        try {
            return accounts.sessionState(caller);
        } catch (RuntimeException e) {
            if (database.failed(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Sends the browser to the login page, with a note saying why when there is one. */
    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpServletResponse response, String note) {
        return redirect(request, response, request.getContextPath() + LOGIN_PAGE + note);
    }

    /** A redirect; ajax requests get a partial-response redirect, which PrimeFaces follows. */
    private static AuthenticationStatus redirect(HttpServletRequest request, HttpServletResponse response, String url) {
        SecurityHeadersFilter.applyBeforeFilters(request, response);
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
            SignedInSession.end(session);
        }
    }
}

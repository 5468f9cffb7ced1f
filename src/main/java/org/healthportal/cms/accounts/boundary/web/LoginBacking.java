package org.healthportal.cms.accounts.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import org.healthportal.cms.accounts.control.CrossSiteRequests;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.accounts.boundary.security.CmsAuthenticationMechanism;

/** Signs in through the container (so the caller is known everywhere) and out again. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // The sign-in page is stateless (no view state to forge), so a post from another site is refused here:
        // nobody can be signed into an attacker's account without noticing.
        if (CrossSiteRequests.isCrossSite(request)) {
            external.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
            error("login.crossSite");
            return;
        }
        if (username == null || password == null) {
            error("login.required");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/admin/");
            case SEND_CONTINUE -> faces.responseComplete();
            default -> refused(request, external);
        }
    }

    private void refused(HttpServletRequest request, ExternalContext external) {
        if (request.getAttribute(CmsAuthenticationMechanism.DATABASE_DOWN) instanceof Long retryAfter) {
            external.setResponseStatus(503);
            external.setResponseHeader("Retry-After", String.valueOf(retryAfter));
            error("error.database.unavailable");
        } else if (request.getAttribute(CmsAuthenticationMechanism.BLOCKED_UNTIL) instanceof Instant until) {
            long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
            external.setResponseStatus(429);
            external.setResponseHeader("Retry-After", String.valueOf(seconds));
            error("login.throttled", zones.format(until), (seconds + 59) / 60);
        } else {
            error("login.failed");
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }

    private void error(String key, Object... args) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String text = args.length == 0 ? bundle.getString(key)
                : new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

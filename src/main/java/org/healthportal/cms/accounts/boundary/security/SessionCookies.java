package org.healthportal.cms.accounts.boundary.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie (ASVS V3.4): HttpOnly, and Secure whenever the public base URL is https; SameSite=Lax comes
 * from the HTTP listener's configuration (Payara ignores it here). The idle timeout is
 * {@code cms.session.idle-timeout}.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(isHttps(config.getOptionalValue("cms.base-url", String.class).orElse("")));
        Duration idle = config.getOptionalValue("cms.session.idle-timeout", Duration.class).orElse(Duration.ofMinutes(30));
        event.getServletContext().setSessionTimeout((int) Math.max(1, idle.toMinutes()));
    }

    /**
     * Adds {@code SameSite=Lax} to the session cookie this response sets, where the listener did not: with a session
     * route ({@code jvmRoute}, the node name that keeps back-office sessions on their node behind a balancer) Payara
     * writes the cookie by another path that leaves the listener's SameSite out. Call before the response commits.
     */
    public static void sameSite(HttpServletResponse response) {
        java.util.List<String> cookies = new java.util.ArrayList<>(response.getHeaders("Set-Cookie"));
        boolean changed = false;
        for (int i = 0; i < cookies.size(); i++) {
            String c = cookies.get(i);
            if (c.startsWith("JSESSIONID=") && !c.toLowerCase(java.util.Locale.ROOT).contains("samesite=")) {
                cookies.set(i, c + "; SameSite=Lax");
                changed = true;
            }
        }
        if (changed && !response.isCommitted()) {
            response.setHeader("Set-Cookie", cookies.get(0));
            for (String c : cookies.subList(1, cookies.size())) {
                response.addHeader("Set-Cookie", c);
            }
        }
    }

    public static boolean isHttps(String baseUrl) {
        return baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }
}

package org.healthportal.cms.platform.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
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

    public static boolean isHttps(String baseUrl) {
        return baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }
}

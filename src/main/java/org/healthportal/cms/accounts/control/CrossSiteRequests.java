package org.healthportal.cms.accounts.control;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Tells a post that another site made a browser send. Browsers say so in {@code Sec-Fetch-Site}; older ones only
 * in {@code Origin}, which must then name this server. A request with neither (curl, a script) is no browser
 * being misused and passes.
 */
public final class CrossSiteRequests {

    private CrossSiteRequests() {
    }

    public static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeader("Host");
            return host == null || o.getHost() == null
                    || !(o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort())).toLowerCase(Locale.ROOT)
                    .equals(withoutDefaultPort(host.toLowerCase(Locale.ROOT), o.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    private static String withoutDefaultPort(String host, String scheme) {
        if (("http".equals(scheme) && host.endsWith(":80")) || ("https".equals(scheme) && host.endsWith(":443"))) {
            return host.substring(0, host.lastIndexOf(':'));
        }
        return host;
    }
}

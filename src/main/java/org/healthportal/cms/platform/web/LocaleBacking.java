package org.healthportal.cms.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The back office's language: Simplified Chinese unless the user chose English. The choice is a cookie, so it
 * holds on the sign-in page too and needs no session.
 */
@Named
@RequestScoped
public class LocaleBacking {

    static final String COOKIE = "cms-lang";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Inject
    FacesContext faces;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Map<String, Object> cookies = faces.getExternalContext().getRequestCookieMap();
            Object cookie = cookies.get(COOKIE);
            locale = cookie instanceof Cookie c && "en".equals(c.getValue()) ? Locale.ENGLISH : CHINESE;
        }
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    public String getLanguageTag() {
        return isEnglish() ? "en" : "zh-CN";
    }

    /** Switches language and reloads the current page. */
    public void switchTo(String language) throws IOException {
        ExternalContext external = faces.getExternalContext();
        String value = "en".equals(language) ? "en" : "zh";
        external.addResponseCookie(COOKIE, value, Map.of("maxAge", 365 * 24 * 3600, "path", "/", "httpOnly", true,
                "SameSite", "Lax"));
        locale = "en".equals(value) ? Locale.ENGLISH : CHINESE;
        String query = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
        external.redirect(((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRequestURI()
                + (query == null ? "" : "?" + query));
    }
}

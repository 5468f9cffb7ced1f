package org.healthportal.cms.preview.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.healthportal.cms.preview.control.PreviewLinks;
import org.healthportal.cms.preview.entity.PreviewLink;

/** What the preview page and its 410 page show, as {@link PreviewFilter} found it. */
@Named
@RequestScoped
public class PreviewPage {

    @Inject
    HttpServletRequest request;

    public PreviewLinks.Opened getOpened() {
        return (PreviewLinks.Opened) request.getAttribute(PreviewFilter.OPENED);
    }

    public PreviewLink getLink() {
        PreviewLinks.Opened opened = getOpened();
        return opened == null ? null : opened.link();
    }

    public Locale getLocale() {
        return request.getAttribute(PreviewFilter.LOCALE) instanceof Locale l ? l : Locale.SIMPLIFIED_CHINESE;
    }

    /** For {@code <html lang>}. */
    public String getLanguageTag() {
        return getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
    }
}

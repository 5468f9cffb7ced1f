package org.healthportal.cms.preview.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.healthportal.cms.site.control.SiteConfig;

/** The address a recipient opens: absolute, from {@code cms.base-url}, as every public link is. */
@ApplicationScoped
public class PreviewUrls {

    /** The path under the site where preview links answer. */
    public static final String PATH = "preview/";

    @Inject
    SiteConfig site;

    public String of(String token) {
        return site.absolute(PATH + token);
    }
}

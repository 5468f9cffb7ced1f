package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.site.control.CategoryNode;
import org.healthportal.cms.site.control.SiteCategories;
import org.healthportal.cms.site.control.SiteConfig;

/** What every public page uses: the category tree, the base URL, the settings; dates are {@link SiteFunctions}. */
@Named
@ApplicationScoped
public class Site {

    @Inject
    SiteConfig config;

    @Inject
    SiteCategories categories;

    @Inject
    DatabaseAvailability database;

    /** The top categories; none when the database cannot be read, so the error page still renders. */
    public List<CategoryNode> getRoots() {
        try {
            return database.isDown() ? categories.rootsIfLoaded() : categories.roots();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public String absolute(String path) {
        return config.absolute(path);
    }

    public String getBaseUrl() {
        return config.baseUrl();
    }

    public SiteConfig getConfig() {
        return config;
    }
}

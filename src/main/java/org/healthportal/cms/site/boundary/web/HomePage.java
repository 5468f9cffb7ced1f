package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.healthportal.cms.site.control.ArticleTeaser;
import org.healthportal.cms.site.control.SiteLists;

/** The home page: featured articles, the newest ones, the category tree. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    SiteLists lists;

    public List<ArticleTeaser> getLatest() {
        return lists.latest();
    }

    public List<ArticleTeaser> getFeatured() {
        return lists.featured();
    }
}

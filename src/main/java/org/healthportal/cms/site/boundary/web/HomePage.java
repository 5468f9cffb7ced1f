package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.healthportal.cms.site.control.ArticleTeaser;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.SiteLists;

/** The home page: featured articles, the newest ones, the category tree. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    SiteLists lists;

    @Inject
    FacesContext faces;

    public List<ArticleTeaser> getLatest() {
        return shown(lists.latest());
    }

    public List<ArticleTeaser> getFeatured() {
        return shown(lists.featured());
    }

    private List<ArticleTeaser> shown(List<ArticleTeaser> list) {
        CacheTags.of((jakarta.servlet.ServletRequest) faces.getExternalContext().getRequest()).add(CacheTags.NEWEST)
                .listing(list);
        return list;
    }
}

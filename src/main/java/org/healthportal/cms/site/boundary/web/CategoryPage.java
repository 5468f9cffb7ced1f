package org.healthportal.cms.site.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.site.control.ArticleTeaser;
import org.healthportal.cms.site.control.CacheKeys;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.CategoryNode;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.SiteCategories;

/** A category: its place in the tree, its sub-categories and a page of the live articles in it and below it. */
@Named
@RequestScoped
public class CategoryPage {

    static final int SIZE = 20;

    @Inject
    PublicContent content;

    @Inject
    SiteCategories categories;

    @Inject
    FacesContext faces;

    private CategoryNode category;
    private Page<ArticleTeaser> articles;

    @PostConstruct
    void load() {
        Object slug = faces.getExternalContext().getRequestMap().get(PublicSiteFilter.SLUG);
        category = slug == null ? null : categories.bySlug(slug.toString()).orElse(null);
        int page = CacheKeys.pageParameter(
                ((jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest()).getQueryString());
        if (category != null && page >= 0) {
            articles = content.pageInCategories(category.subtreeIds(), page, SIZE);
            CacheTags.of((jakarta.servlet.ServletRequest) faces.getExternalContext().getRequest())
                    .add(CacheTags.category(category.getId())).listing(articles.items());
        }
        if (category == null || articles == null || page > 0 && articles.items().isEmpty()) {
            try {
                faces.getExternalContext().responseSendError(404, "Not found");
            } catch (IOException e) {
                // The client went away.
            }
            faces.responseComplete();
        }
    }

    public CategoryNode getCategory() {
        return category;
    }

    public Page<ArticleTeaser> getArticles() {
        return articles;
    }

    /** One-based number of the page shown. */
    public int getNumber() {
        return articles.page() + 1;
    }

    public int getPages() {
        return (int) Math.max(1, (articles.total() + SIZE - 1) / SIZE);
    }
}

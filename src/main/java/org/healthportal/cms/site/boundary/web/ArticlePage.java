package org.healthportal.cms.site.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.healthportal.cms.site.control.ArticleView;
import org.healthportal.cms.site.control.CacheTags;
import org.healthportal.cms.site.control.CategoryNode;
import org.healthportal.cms.site.control.Excerpts;
import org.healthportal.cms.site.control.JsonLd;
import org.healthportal.cms.site.control.LivePage;
import org.healthportal.cms.site.control.PublicContent;
import org.healthportal.cms.site.control.ReviewHistoryEntry;
import org.healthportal.cms.site.control.SiteCategories;
import org.healthportal.cms.site.control.SiteConfig;
import org.healthportal.cms.site.control.SiteFragments;

/** The public article page's data: the live revision only, never the latest draft. */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    PublicContent content;

    @Inject
    SiteCategories categories;

    @Inject
    SiteConfig config;

    @Inject
    FacesContext faces;

    private ArticleView article;
    private List<CategoryNode> path = List.of();
    private Instant firstPublished;
    private List<ReviewHistoryEntry> history = List.of();

    @PostConstruct
    void load() {
        Map<String, Object> attributes = faces.getExternalContext().getRequestMap();
        LivePage page = attributes.get(PublicSiteFilter.LIVE_PAGE) instanceof LivePage read ? read
                : attributes.get(PublicSiteFilter.SLUG) == null ? null
                : content.livePage(attributes.get(PublicSiteFilter.SLUG).toString()).orElse(null);
        if (page == null) {
            // Reached without the clean URL, or the article went offline meanwhile.
            try {
                faces.getExternalContext().responseSendError(404, "Not found");
            } catch (IOException e) {
                // The client went away.
            }
            faces.responseComplete();
            return;
        }
        article = page.article();
        // The lists' tags come with them when the page is composed.
        CacheTags.of((jakarta.servlet.ServletRequest) faces.getExternalContext().getRequest())
                .add(CacheTags.article(article.articleId()));
        firstPublished = page.firstPublished();
        history = page.history();
        path = categories.byId(article.categoryId()).map(CategoryNode::getPath).orElse(List.of());
    }

    /** Publications, re-reviews and corrections, newest first. */
    public List<ReviewHistoryEntry> getHistory() {
        return history;
    }

    public ArticleView getArticle() {
        return article;
    }

    public List<CategoryNode> getPath() {
        return path;
    }

    public Instant getFirstPublished() {
        return firstPublished;
    }

    /** True when this revision replaced an earlier publication: the page then shows when it was updated. */
    public boolean isUpdated() {
        return firstPublished != null && article.publishedAt() != null
                && article.publishedAt().isAfter(firstPublished.plusSeconds(60));
    }

    public String getUrl() {
        return config.absolute("articles/" + article.slug());
    }

    public String getDescription() {
        return Excerpts.cut(article.summary(), Excerpts.META_LENGTH);
    }

    /** Where the related articles go: filled when the page is served ({@code PageTemplate}), same category first. */
    public String getRelatedHole() {
        return SiteFragments.relatedHole(article.articleId(), article.categoryId());
    }

    /** Where the newest articles go, filled likewise. */
    public String getLatestHole() {
        return SiteFragments.latestHole(article.articleId());
    }

    public String getJsonLd() {
        String siteName = ResourceBundle.getBundle("i18n.site", faces.getViewRoot().getLocale()).getString("site.name");
        return JsonLd.medicalWebPage(article, getUrl(), siteName, firstPublished, path, config.baseUrl(), config.zone());
    }

    /** The structured data in its data-block element ({@link JsonLd} escapes {@code </} inside). */
    public String getJsonLdScript() {
        return "<script type=\"application/ld+json\">" + getJsonLd() + "</script>";
    }
}

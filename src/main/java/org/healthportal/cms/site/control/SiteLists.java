package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists that many pages share (the newest articles, the featured ones), read once and kept until the next change
 * signal, so an uncached article render costs two queries: the article and its related articles.
 */
@ApplicationScoped
public class SiteLists {

    static final int LATEST = 8;

    @Inject
    PublicContent content;

    @Inject
    SiteCategories categories;

    @Inject
    SiteConfig config;

    private volatile List<ArticleTeaser> latest;
    private volatile List<ArticleTeaser> featured;

    /** Counts changes, so a list read before a change is not kept after it. */
    private long generation;

    public List<ArticleTeaser> latest() {
        List<ArticleTeaser> l = latest;
        if (l == null) {
            long g = generation();
            l = List.copyOf(content.latest(LATEST));
            synchronized (this) {
                if (g == generation) {
                    latest = l;
                }
            }
        }
        return l;
    }

    private synchronized long generation() {
        return generation;
    }

    public List<ArticleTeaser> featured() {
        List<ArticleTeaser> f = featured;
        if (f == null) {
            long g = generation();
            List<String> slugs = config.featuredSlugs();
            if (!slugs.isEmpty()) {
                f = content.bySlugs(slugs);
            } else {
                List<ArticleTeaser> newestPerTop = new ArrayList<>();
                for (CategoryNode root : categories.roots()) {
                    content.inCategories(root.subtreeIds(), null, 1).forEach(newestPerTop::add);
                    if (newestPerTop.size() == 4) {
                        break;
                    }
                }
                f = newestPerTop;
            }
            f = List.copyOf(f);
            synchronized (this) {
                if (g == generation) {
                    featured = f;
                }
            }
        }
        return f;
    }

    public synchronized void forget() {
        generation++;
        latest = null;
        featured = null;
    }
}

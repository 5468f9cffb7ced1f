package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists that many pages share (the newest articles, the featured ones), read once and kept until the next change
 * signal, so an uncached article render reads only the article itself: the related lists come from here too.
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
    /** Newest live articles per set of categories (an article page's related list); as many keys as categories. */
    private final java.util.Map<java.util.Set<Long>, List<ArticleTeaser>> newest =
            new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The {@code max} newest live articles in these categories. Kept per category set until the next change, so
     * the related lists of the articles of one category are read once, not on every render.
     */
    public List<ArticleTeaser> newestIn(java.util.Collection<Long> categoryIds, int max) {
        if (max > MAX_NEWEST) {
            return content.inCategories(categoryIds, null, max);
        }
        java.util.Set<Long> key = java.util.Set.copyOf(categoryIds);
        List<ArticleTeaser> l = newest.get(key);
        if (l == null) {
            long g = generation();
            l = List.copyOf(content.inCategories(key, null, MAX_NEWEST));
            synchronized (this) {
                if (g == generation) {
                    newest.put(key, l);
                }
            }
        }
        return l.size() > max ? l.subList(0, max) : l;
    }

    /** How many newest articles a category set keeps. */
    static final int MAX_NEWEST = 8;

    public synchronized void forget() {
        generation++;
        latest = null;
        featured = null;
        newest.clear();
    }
}

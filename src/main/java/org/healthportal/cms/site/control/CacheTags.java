package org.healthportal.cms.site.control;

import jakarta.servlet.ServletRequest;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a public response shows, as the tags a shared cache files it under ({@code xkey} for Varnish,
 * {@code Surrogate-Key} for CDNs) and a purge names ({@link CachePurger}). Pages add to the request's set while
 * they render; the site's filter sends it with the response and keeps it with a stored page.
 *
 * <ul>
 *   <li>{@value #SITE}: every public response (each shows the category tree and obeys the review policy);</li>
 *   <li>{@code a{id}}: every response that shows the article: its page, and every list with it in;</li>
 *   <li>{@value #NEWEST}: where a newly published article appears (newest lists, the feed) and the addresses that
 *       answered 404, 410 or 301, which a publication may bring to life;</li>
 *   <li>{@code c{id}}: the pages of a category, which list its sub-categories' articles too;</li>
 *   <li>{@value #SEARCH}, {@value #SITEMAP}: results and sitemaps, which name too many articles to tag each.</li>
 * </ul>
 */
public final class CacheTags {

    public static final String SITE = "site";
    public static final String NEWEST = "new";
    public static final String SEARCH = "search";
    public static final String SITEMAP = "sitemap";
    static final String ATTRIBUTE = CacheTags.class.getName();

    private final Set<String> tags = new LinkedHashSet<>(List.of(SITE));

    CacheTags() {
    }

    /** The set of this request, created on first use. */
    public static CacheTags of(ServletRequest request) {
        Object tags = request.getAttribute(ATTRIBUTE);
        if (tags instanceof CacheTags existing) {
            return existing;
        }
        CacheTags created = new CacheTags();
        request.setAttribute(ATTRIBUTE, created);
        return created;
    }

    public static String article(Long id) {
        return "a" + id;
    }

    public static String category(Long id) {
        return "c" + id;
    }

    /** The category a {@code c{id}} tag names; empty for any other tag. */
    static Optional<Long> categoryId(String tag) {
        if (tag.length() < 2 || tag.charAt(0) != 'c') {
            return Optional.empty();
        }
        for (int i = 1; i < tag.length(); i++) {
            if (tag.charAt(i) < '0' || tag.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.valueOf(tag.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String media(Long id) {
        return "m" + id;
    }

    public CacheTags add(String tag) {
        tags.add(tag);
        return this;
    }

    /** The articles of a list shown on the page: a change to any of them purges the page. */
    public CacheTags listing(Collection<ArticleTeaser> shown) {
        for (ArticleTeaser t : shown) {
            tags.add(article(t.id()));
        }
        return this;
    }

    /**
     * What an article change makes stale, for the node's own store ({@link PageStore#drop}) and the shared caches
     * ({@link CachePurger}) alike: everything that shows it, search and sitemaps, the pages of the categories it is
     * or was listed in and the enclosing ones (their later pages shift when it comes or goes, and never showed it);
     * and, while it is live, where a publication appears (the newest lists).
     */
    public static List<String> changed(Long articleId, boolean live, Collection<Long> categoryPath) {
        Set<String> tags = new LinkedHashSet<>(live ? List.of(article(articleId), NEWEST, SEARCH, SITEMAP)
                : List.of(article(articleId), SEARCH, SITEMAP));
        categoryPath.forEach(id -> tags.add(category(id)));
        return List.copyOf(tags);
    }

    /** True when the space-separated tags of a response name any of these. */
    static boolean anyOf(String header, Collection<String> tags) {
        if (header == null) {
            return false;
        }
        int start = 0;
        int length = header.length();
        while (start < length) {
            int end = header.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            if (end > start && tags.contains(header.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The header value: the tags separated by spaces, as xkey and Surrogate-Key both read them. */
    public String header() {
        return String.join(" ", tags);
    }
}

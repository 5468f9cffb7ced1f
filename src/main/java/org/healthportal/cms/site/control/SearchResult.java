package org.healthportal.cms.site.control;

import java.time.Instant;
import java.util.List;

/** One page of search hits; {@code exact} is false when the total is a lower bound. */
public record SearchResult(String query, List<Hit> hits, long total, boolean exact, int page, int size) {

    public static SearchResult empty(String query, int page, int size) {
        return new SearchResult(query, List.of(), 0, true, page, size);
    }

    public int pages() {
        return (int) Math.min(SearchIndex.MAX_PAGES, (total + size - 1) / size);
    }

    /** A hit: title and excerpt are HTML-escaped with the matched terms in {@code <mark>}. */
    public record Hit(String slug, String titleHtml, String excerptHtml, Instant publishedAt) {
    }
}

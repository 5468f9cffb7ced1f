package org.healthportal.cms.site.control;

import java.time.Instant;

/** A live article as lists show it: title, summary, date and link, without the body. */
public record ArticleTeaser(Long id, String slug, String title, String summary, Instant publishedAt) {

    /** The summary cut for a list line. */
    public String excerpt() {
        return Excerpts.cut(summary, Excerpts.LIST_LENGTH);
    }
}

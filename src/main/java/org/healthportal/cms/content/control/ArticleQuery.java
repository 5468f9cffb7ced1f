package org.healthportal.cms.content.control;

import org.healthportal.cms.workflow.entity.RevisionState;

/**
 * A filter over articles by their latest revision; any part may be null. {@code text} matches title or summary.
 */
public record ArticleQuery(RevisionState state, Long categoryId, String author, String text) {

    public static ArticleQuery all() {
        return new ArticleQuery(null, null, null, null);
    }
}

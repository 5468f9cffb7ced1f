package org.healthportal.cms.site.control;

import java.time.Instant;
import java.util.List;
import org.healthportal.cms.content.entity.Reference;

/**
 * Everything the article page shows of one live revision, read in one query: the revision, its reviewer's
 * credentials and the disclaimer version recorded when it was published.
 */
public record ArticleView(Long articleId, String slug, Long revisionId, String title, String summary, String body,
                          Long categoryId, Instant publishedAt, Instant approvedAt, String reviewerName,
                          String reviewerTitle, String reviewerInstitution, Integer disclaimerVersion,
                          String disclaimerText, String correctionNotice, Instant correctedAt,
                          Instant lastReviewedAt, Instant nextReviewDue, String source, String byline,
                          String audience, List<Reference> references,
                          boolean reviewOverdue) {

    /** True once the next review date had passed when read: the page says so (and may ask not to be indexed). */
    public boolean isReviewOverdue() {
        return reviewOverdue;
    }

    public boolean isReviewed() {
        return reviewerName != null && approvedAt != null;
    }
}

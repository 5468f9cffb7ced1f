package org.healthportal.cms.content.boundary.web;

import java.io.Serializable;
import java.time.Instant;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.RevisionState;

/**
 * What the editor shows about the stored article beside the form, derived whole from it on every load so that
 * no part of it lags behind the others.
 *
 * @param liveSlugPath the public address while the article is live, else null
 * @param everPublished once public, a new slug keeps the old address redirecting to the new one
 * @param claimsFindings the claims check's findings in the latest text when it was last written
 */
public record ArticleStatus(RevisionState state, int revisionNumber, boolean live, boolean everPublished,
                            String liveSlugPath, Instant scheduledFor, String currentCorrection, int claimsFindings)
        implements Serializable {

    /** An article not yet saved. */
    static final ArticleStatus NEW = new ArticleStatus(null, 0, false, false, null, null, null, 0);

    static ArticleStatus of(Article article) {
        var latest = article.getLatestRevision();
        return new ArticleStatus(latest.getState(), latest.getNumber(), article.isLive(), article.isWasPublished(),
                article.isLive() ? "/articles/" + article.getSlug() : null, latest.getPublishAt(),
                article.getCorrectionNotice(), latest.getClaimsFindings());
    }
}

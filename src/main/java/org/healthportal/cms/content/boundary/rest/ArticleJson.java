package org.healthportal.cms.content.boundary.rest;

import java.time.Instant;
import java.util.List;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;

/**
 * An article as the API shows it: the latest revision's text and state, plus whether (and where) a published
 * revision is online. {@code version} is the token a PUT must send back.
 */
public record ArticleJson(Long id, String slug, String title, String summary, String body, Long categoryId,
                          String state, long version, boolean live, String publicUrl, int revision,
                          Integer liveRevision, String author, Instant updatedAt, Instant scheduledFor,
                          String approvedBy, Instant approvedAt, String correctionNotice, Instant correctedAt,
                          Instant lastReviewedAt, Instant nextReviewDue, String source, String byline,
                          String audience, List<ArticleResource.ReferenceJson> references) {

    public static String publicPath(Article article) {
        return "/articles/" + article.getSlug();
    }

    static ArticleJson of(Article a) {
        Revision r = a.getLatestRevision();
        Revision live = a.getLiveRevision();
        return new ArticleJson(a.getId(), a.getSlug(), r.getTitle(), r.getSummary(), r.getBody(),
                r.getCategory().getId(), r.getState().name(), a.getVersion(), a.isLive(),
                a.isLive() ? publicPath(a) : null, r.getNumber(), live == null ? null : live.getNumber(),
                r.getAuthor().getUsername(), r.getUpdatedAt(), r.getPublishAt(),
                r.getApprovedBy() == null ? null : r.getApprovedBy().getUsername(), r.getApprovedAt(),
                a.getCorrectionNotice(), a.getCorrectedAt(), a.getLastReviewedAt(), a.getNextReviewDue(),
                r.getSource(), r.getByline(), r.getAudience(),
                r.references().stream().map(ArticleResource.ReferenceJson::of).toList());
    }
}

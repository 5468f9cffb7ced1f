package org.healthportal.cms.content.boundary.rest;

import java.time.Instant;
import java.util.List;
import org.healthportal.cms.content.control.ArticlePermissions;
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
                          String audience, List<ArticleResource.ReferenceJson> references,
                          List<AllowedActionJson> allowedActions) {

    /**
     * What the caller may do to the article now, for API clients that build their own screens: every action
     * ({@code edit} and each workflow action by wire name), refused ones with the reason and the message the
     * request would get.
     */
    public record AllowedActionJson(String action, boolean allowed, String reason, String message) {
        static AllowedActionJson of(ArticlePermissions.Permission p) {
            return new AllowedActionJson(p.action(), p.allowed(), p.reason() == null ? null : p.reason().name(),
                    p.refusal() == null ? null : p.refusal().getMessage());
        }
    }

    public static String publicPath(Article article) {
        return "/articles/" + article.getSlug();
    }

    static ArticleJson of(Article a, List<ArticlePermissions.Permission> allowed) {
        Revision r = a.getLatestRevision();
        Revision live = a.getLiveRevision();
        return new ArticleJson(a.getId(), a.getSlug(), r.getTitle(), r.getSummary(), r.getBody(),
                r.getCategory().getId(), r.getState().name(), a.getVersion(), a.isLive(),
                a.isLive() ? publicPath(a) : null, r.getNumber(), live == null ? null : live.getNumber(),
                r.getAuthor().getUsername(), r.getUpdatedAt(), r.getPublishAt(),
                r.getApprovedBy() == null ? null : r.getApprovedBy().getUsername(), r.getApprovedAt(),
                a.getCorrectionNotice(), a.getCorrectedAt(), a.getLastReviewedAt(), a.getNextReviewDue(),
                r.getSource(), r.getByline(), r.getAudience(),
                r.references().stream().map(ArticleResource.ReferenceJson::of).toList(),
                allowed.stream().map(AllowedActionJson::of).toList());
    }
}

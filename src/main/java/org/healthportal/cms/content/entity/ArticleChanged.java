package org.healthportal.cms.content.entity;

import java.util.List;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * The one event every change to an article fires, inside its transaction, after the audit events are written:
 * the site, the search index and notifications react to it. {@code publicPage} is true when the public page
 * shows something new even if its live revision stayed the same (a correction notice, a review date, an overdue
 * notice, a new address). {@code steps} are the audited transitions, in order; {@code actor} who made them
 * (a username, or {@code system:…}).
 */
public record ArticleChanged(Long articleId, String slug, boolean live, boolean publicPage, String actor,
                             List<Step> steps) {

    public ArticleChanged {
        steps = List.copyOf(steps);
    }

    public boolean includes(AuditAction action) {
        return steps.stream().anyMatch(s -> s.action() == action);
    }

    /** One audited transition of the change. */
    public record Step(AuditAction action, int revision, RevisionState from, RevisionState to, String comment) {
        static Step of(Transition t) {
            return new Step(t.action(), t.revision().getNumber(), t.from(), t.to(), t.comment());
        }
    }

    /** The event for transitions one actor made on an article in one transaction. */
    public static ArticleChanged of(Article article, String actor, List<Transition> transitions) {
        boolean shown = article.isWasPublished() && transitions.stream().anyMatch(Transition::showsOnPublicPage);
        return new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), shown, actor,
                transitions.stream().map(Step::of).toList());
    }
}

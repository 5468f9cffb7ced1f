package org.healthportal.cms.workflow.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.workflow.entity.AuditAction;
import org.healthportal.cms.workflow.entity.Transition;

/**
 * Applies the overdue-review policy, one article per transaction. With two instances both may look; the article's
 * version lets one of them apply it, and {@code overdueHandled} keeps it from being applied twice.
 */
@Stateless
public class ReviewCycle {

    public static final String SYSTEM_ACTOR = "system:review-cycle";

    @PersistenceContext
    EntityManager em;

    @Inject
    ReviewPolicy policy;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<ArticleChanged> changed;

    /** Ids of live articles whose review is overdue and not yet handled. */
    public List<Long> overdue(int max) {
        // Bounded below too, so the index range skips articles without a due date instead of reading them all.
        return em.createQuery("SELECT a.id FROM Article a WHERE a.liveRevision IS NOT NULL"
                        + " AND a.nextReviewDue > :epoch AND a.nextReviewDue <= :now AND a.overdueHandled = FALSE"
                        + " ORDER BY a.nextReviewDue", Long.class)
                .setParameter("epoch", Instant.EPOCH).setParameter("now", clock.instant()).setMaxResults(max)
                .getResultList();
    }

    public void handle(Long articleId) {
        Article article = em.find(Article.class, articleId);
        Instant now = clock.instant();
        if (article == null || !article.isLive() || !article.isReviewOverdue(now) || article.isOverdueHandled()) {
            return;
        }
        List<Transition> transitions = new ArrayList<>();
        var live = article.getLiveRevision();
        transitions.add(new Transition(AuditAction.REVIEW_OVERDUE, live, live.getState(), live.getState(),
                "review due " + article.getNextReviewDue() + "; policy " + policy.overdue()));
        if (policy.overdue() == ReviewPolicy.Overdue.UNPUBLISH) {
            transitions.add(article.unpublish("review overdue", now));
        }
        article.overdueHandled(now);
        audit.record(SYSTEM_ACTOR, now, transitions);
        em.flush();
        changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), true));
    }
}

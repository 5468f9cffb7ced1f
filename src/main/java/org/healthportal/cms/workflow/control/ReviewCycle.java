package org.healthportal.cms.workflow.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Finds the live articles whose review is overdue; the change path applies the policy to each, one article per
 * transaction ({@link org.healthportal.cms.content.control.ArticleChanges#handleOverdue}).
 */
@Stateless
public class ReviewCycle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Ids of live articles whose review is overdue and not yet handled. */
    public List<Long> overdue(int max) {
        // Bounded below too, so the index range skips articles without a due date instead of reading them all.
        return em.createQuery("SELECT a.id FROM Article a WHERE a.liveRevision IS NOT NULL"
                        + " AND a.nextReviewDue > :epoch AND a.nextReviewDue <= :now AND a.overdueHandled = FALSE"
                        + " ORDER BY a.nextReviewDue", Long.class)
                .setParameter("epoch", Instant.EPOCH).setParameter("now", clock.instant()).setMaxResults(max)
                .getResultList();
    }
}

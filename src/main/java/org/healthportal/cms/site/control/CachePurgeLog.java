package org.healthportal.cms.site.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.platform.AfterCommit;
import org.healthportal.cms.site.entity.CachePurge;

/** The {@code cache_purge} table: owed purges, written with the change, claimed by one node at a time to be sent. */
@Stateless
public class CachePurgeLog {

    @PersistenceContext(unitName = "cms")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** An article as the change's own transaction sees it: its live revision (null when offline) and category. */
    public record ArticleState(Long liveRevisionId, Long categoryId, boolean wasPublished) {
    }

    /** Read inside the change's transaction, so it sees the change itself. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ArticleState> articleState(Long articleId) {
        return em.createQuery("SELECT NEW " + ArticleState.class.getName()
                        + "(r.id, c.id, a.wasPublished) FROM Article a LEFT JOIN a.liveRevision r LEFT JOIN r.category c"
                        + " WHERE a.id = :id", ArticleState.class)
                .setParameter("id", articleId).getResultStream().findFirst();
    }

    /**
     * Writes the purge into the caller's transaction and calls {@code afterCommit} once that commits; false, with
     * nothing written, when the caller has no transaction ({@link #insert} then).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean record(CachePurge purge, Runnable afterCommit) {
        if (!AfterCommit.register(transactions, afterCommit)) {
            return false;
        }
        em.persist(purge);
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(CachePurge purge) {
        em.persist(purge);
    }

    /** Ids of the purges due now that no node holds, oldest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> due(Instant now, int max) {
        return em.createQuery("SELECT p.id FROM CachePurge p WHERE p.nextAt <= :now"
                        + " AND (p.claimedUntil IS NULL OR p.claimedUntil < :now) ORDER BY p.id", Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Takes the purge for this node until {@code until}; empty when another node took it first or it is gone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CachePurge> claim(Long id, Instant now, Instant until) {
        int taken = em.createQuery("UPDATE CachePurge p SET p.claimedUntil = :until WHERE p.id = :id"
                        + " AND p.nextAt <= :now AND (p.claimedUntil IS NULL OR p.claimedUntil < :now)")
                .setParameter("until", until).setParameter("id", id).setParameter("now", now).executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        CachePurge purge = em.find(CachePurge.class, id);
        if (purge != null) {
            em.refresh(purge);
            em.detach(purge);
        }
        return Optional.ofNullable(purge);
    }

    /** Some caches did not take it: they are asked again at {@code next}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retry(Long id, List<String> pending, Instant next, String error) {
        em.createQuery("UPDATE CachePurge p SET p.pending = :pending, p.attempts = p.attempts + 1, p.nextAt = :next,"
                        + " p.claimedUntil = NULL, p.lastError = :error WHERE p.id = :id")
                .setParameter("pending", String.join(" ", pending)).setParameter("next", next)
                .setParameter("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("id", id).executeUpdate();
    }

    /** Every cache took round 1: round 2 goes to all of them again at {@code next}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void repeat(Long id, List<String> caches, Instant next) {
        em.createQuery("UPDATE CachePurge p SET p.round = 2, p.pending = :pending, p.attempts = 0, p.nextAt = :next,"
                        + " p.claimedUntil = NULL, p.lastError = NULL WHERE p.id = :id")
                .setParameter("pending", String.join(" ", caches)).setParameter("next", next)
                .setParameter("id", id).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void done(Long id) {
        em.createQuery("DELETE FROM CachePurge p WHERE p.id = :id").setParameter("id", id).executeUpdate();
    }

    /** How many purges are owed (the readiness and the tests look). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long owed() {
        return em.createQuery("SELECT COUNT(p) FROM CachePurge p", Long.class).getSingleResult();
    }
}

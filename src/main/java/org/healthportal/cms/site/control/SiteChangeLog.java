package org.healthportal.cms.site.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.healthportal.cms.platform.AfterCommit;
import org.healthportal.cms.site.entity.SiteChange;

/** The {@code site_change} table: written inside the change's transaction, read by every node's poll. */
@Stateless
public class SiteChangeLog {

    @PersistenceContext(unitName = "cms")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    /**
     * Writes the change into the caller's transaction and hands it to {@code afterCommit} once that commits (never
     * if it rolls back). Without a transaction there is nothing to join: the change is handed on at once.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void record(SiteChange.Kind kind, Long subject, boolean publicPage, Consumer<SiteChange> afterCommit) {
        SiteChange change = new SiteChange(kind, subject, publicPage, clock.instant());
        if (!AfterCommit.register(transactions, () -> afterCommit.accept(change))) {
            afterCommit.accept(change);
            return;
        }
        em.persist(change);
    }

    /** The newest id, 0 when the log is empty: a starting node reads what commits after it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long latestId() {
        Long max = em.createQuery("SELECT MAX(c.id) FROM SiteChange c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Up to {@code max} changes after the id {@code afterId}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SiteChange> after(long afterId, int max) {
        return em.createQuery("SELECT c FROM SiteChange c WHERE c.id > :after ORDER BY c.id", SiteChange.class)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /** The changes among these ids that have committed since they were seen missing. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SiteChange> withIds(Collection<Long> ids) {
        return em.createQuery("SELECT c FROM SiteChange c WHERE c.id IN :ids ORDER BY c.id", SiteChange.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Removes changes older than {@code cutoff}; any node may run it, the rows go once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purge(Instant cutoff) {
        return em.createQuery("DELETE FROM SiteChange c WHERE c.changedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}

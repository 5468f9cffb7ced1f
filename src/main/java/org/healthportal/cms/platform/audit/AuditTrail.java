package org.healthportal.cms.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.TypedQuery;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditChain;
import org.healthportal.cms.platform.audit.AuditEvent;

/** Writes audit events inside the caller's transaction: a change and its record commit or roll back together. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    /** Appends events in the order given: the article changes' transitions, as the change path built them. */
    public void record(List<AuditEvent> events) {
        // The lock on the chain's head orders concurrent writers, so every event links to the one before it.
        AuditChain chain = em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE);
        for (AuditEvent event : events) {
            chain.append(event);
            em.persist(event);
            // Inserted one by one: the provider may otherwise insert one transaction's new events in any order,
            // and the ids (the order the chain is verified in) would no longer follow the links.
            em.flush();
        }
    }

    /**
     * Records what an admin did outside any article, in the same chain as the article events.
     *
     * @param target what was acted on, e.g. {@code account:bob}, {@code disclaimer:3}, {@code claim-term:最},
     *               {@code review-policy}, {@code login-block:account:bob}
     * @param detail what changed, in words (never a secret: the audit screen shows it to every back-office user)
     */
    public void recordAdministration(String actor, Instant at, AuditAction action, String target, String detail) {
        AuditChain chain = em.find(AuditChain.class, AuditChain.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = AuditEvent.administration(actor, at, action, target, detail);
        chain.append(event);
        em.persist(event);
        em.flush();
    }

    /**
     * A page of events, newest first, filtered in the database by any of actor, action, article, target and time
     * range.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<AuditEvent> search(String actor, AuditAction action, Long articleId, String target, Instant from,
                                   Instant to, int page, int size) {
        int first = Page.offset(page, size);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (actor != null && !actor.isBlank()) {
            where.append(" AND e.actor = :actor");
            parameters.put("actor", actor.strip());
        }
        if (target != null && !target.isBlank()) {
            where.append(" AND e.target = :target");
            parameters.put("target", target.strip());
        }
        if (action != null) {
            where.append(" AND e.action = :action");
            parameters.put("action", action);
        }
        if (articleId != null) {
            where.append(" AND e.articleId = :articleId");
            parameters.put("articleId", articleId);
        }
        if (from != null) {
            where.append(" AND e.occurredAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" AND e.occurredAt < :to");
            parameters.put("to", to);
        }
        TypedQuery<AuditEvent> items = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            total.setParameter(name, value);
        });
        return new Page<>(items.setFirstResult(first).setMaxResults(size).getResultList(),
                total.getSingleResult(), page, size);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> forArticle(Long articleId) {
        return em.createNamedQuery("AuditEvent.byArticle", AuditEvent.class)
                .setParameter("articleId", articleId).getResultList();
    }
}

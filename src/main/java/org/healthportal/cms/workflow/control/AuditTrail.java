package org.healthportal.cms.workflow.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.workflow.entity.AuditEvent;
import org.healthportal.cms.workflow.entity.Transition;

/** Writes audit events inside the caller's transaction: a change and its record commit or roll back together. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    public void record(String actor, Instant at, List<Transition> transitions) {
        for (Transition t : transitions) {
            Revision r = t.revision();
            em.persist(new AuditEvent(r.getArticle().getId(), r.getId(), r.getNumber(), actor, at, t.action(),
                    t.from(), t.to(), t.comment()));
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> forArticle(Long articleId) {
        return em.createNamedQuery("AuditEvent.byArticle", AuditEvent.class)
                .setParameter("articleId", articleId).getResultList();
    }
}

package org.healthportal.cms.notifications.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.Notification;

/**
 * Writes the daily digests: per person, in one transaction, the digest e-mail and the mark on every notification
 * it lists. The mark only takes notifications no digest carries yet; when it takes fewer than were listed, another
 * node wrote that person's digest at the same moment, and this one is rolled back.
 */
@Stateless
public class DigestWriter {

    private static final Logger LOG = Logger.getLogger(DigestWriter.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** The people with notifications waiting for a digest, who have an address to send it to. */
    public List<Long> recipientsWaiting() {
        return em.createQuery("SELECT DISTINCT n.recipient.id FROM Notification n WHERE n.delivery = :digest"
                        + " AND n.digestId IS NULL AND n.recipient.email IS NOT NULL AND n.recipient.enabled = TRUE", Long.class)
                .setParameter("digest", Delivery.DIGEST).getResultList();
    }

    /** Writes one person's digest; false when there was nothing to send or another node sent it. */
    public boolean write(Long recipientId) {
        Account recipient = em.find(Account.class, recipientId);
        if (recipient == null || !outbox.canMail(recipient)) {
            return false;
        }
        List<Notification> waiting = em.createQuery("SELECT n FROM Notification n WHERE n.recipient = :recipient"
                        + " AND n.delivery = :digest AND n.digestId IS NULL AND n.createdAt <= :now"
                        + " ORDER BY n.createdAt DESC, n.id DESC", Notification.class)
                .setParameter("recipient", recipient).setParameter("digest", Delivery.DIGEST)
                .setParameter("now", clock.instant()).getResultList();
        if (waiting.isEmpty()) {
            return false;
        }
        Long mailId = outbox.enqueueDigest(recipient, waiting);
        List<Long> ids = waiting.stream().map(Notification::getId).toList();
        int marked = em.createQuery("UPDATE Notification n SET n.digestId = :mail WHERE n.id IN :ids"
                        + " AND n.digestId IS NULL")
                .setParameter("mail", mailId).setParameter("ids", ids).executeUpdate();
        if (marked != ids.size()) {
            LOG.log(Level.FINE, "Digest of {0} written by another node; this one rolled back", recipient.getUsername());
            context.setRollbackOnly();
            return false;
        }
        return true;
    }
}

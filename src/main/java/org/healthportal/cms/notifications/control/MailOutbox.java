package org.healthportal.cms.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.notifications.entity.MailMessage;
import org.healthportal.cms.notifications.entity.MailStatus;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.Zones;

/**
 * The outbox: e-mails written in the transaction of what caused them ({@link #enqueue}), then claimed, sent and
 * marked by {@link MailSender}, one short transaction per step, never holding a transaction over SMTP.
 *
 * <p>A claim is one conditional UPDATE (queued and due, or claimed by a node whose claim has lapsed): the node
 * whose UPDATE changed the row sends it, so with several nodes on one database each message is sent once. Only a
 * node that dies after the SMTP server accepted a message and before marking it sent leaves it to be sent again
 * once its claim lapses ({@link #CLAIM}); it goes out under the same Message-ID.
 */
@Stateless
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    /** How long a claim holds: far longer than one message takes with {@link Mailer}'s timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    static final Duration RETRY_CAP = Duration.ofHours(1);


    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Mailer mailer;

    @Inject
    Zones zones;

    @Inject
    @ConfigProperty(name = "cms.base-url", defaultValue = "http://127.0.0.1:8080/")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "cms.mail.retry-base", defaultValue = "PT30S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "cms.mail.max-attempts", defaultValue = "8")
    int maxAttempts;

    /**
     * Queues the e-mail for a notification whose recipient chose e-mail at once, in the caller's transaction. Does
     * nothing when SMTP is not configured or the recipient has no address: the notification stays in the back office.
     */
    public void enqueue(Notification n) {
        Account recipient = n.getRecipient();
        if (!canMail(recipient)) {
            return;
        }
        MailTexts.Rendered mail;
        try {
            mail = MailTexts.single(n, recipient, baseUrl, zones.zone());
        } catch (RuntimeException e) {
            // An e-mail that cannot be written must not undo the change it tells of: it stays in the back office.
            LOG.log(Level.WARNING, "No e-mail for notification " + n.getKind().wireName() + " to "
                    + recipient.getUsername() + ": it could not be written", e);
            return;
        }
        queue(recipient, n.getKind().wireName(), mail);
    }

    /** Queues a digest for the notifications given (newest first); its id, which the notifications then carry. */
    public Long enqueueDigest(Account recipient, List<Notification> newestFirst) {
        MailTexts.Rendered mail = MailTexts.digest(newestFirst, recipient, baseUrl, zones.zone());
        MailMessage message = queue(recipient, MailMessage.DIGEST_KIND, mail);
        em.flush();
        return message.getId();
    }

    /** Whether an e-mail to this person can be written at all. */
    public boolean canMail(Account recipient) {
        if (!mailer.isConfigured()) {
            LOG.log(Level.FINE, "No e-mail to {0}: no SMTP server is configured", recipient.getUsername());
            return false;
        }
        if (!recipient.isEnabled()) {
            LOG.log(Level.FINE, "No e-mail to {0}: the account is disabled", recipient.getUsername());
            return false;
        }
        if (recipient.getEmail() == null || recipient.getEmail().isBlank()) {
            LOG.log(Level.FINE, "No e-mail to {0}: the account has no address", recipient.getUsername());
            return false;
        }
        return true;
    }

    private MailMessage queue(Account recipient, String kind, MailTexts.Rendered mail) {
        String messageId = "<" + UUID.randomUUID() + "@" + mailer.baseHost() + ">";
        MailMessage message = new MailMessage(recipient, recipient.getEmail().strip(), kind, mail.subject(),
                mail.text(), mail.html(), messageId, clock.instant());
        em.persist(message);
        return message;
    }

    /** Ids of the messages a node may claim now, oldest due first. */
    public List<Long> due(int limit) {
        return em.createNamedQuery("MailMessage.due", Long.class).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** Claims one message for this node; its contents when the claim was ours, empty when another node's. */
    public Optional<Mailer.Outgoing> claim(long id) {
        Instant now = clock.instant();
        int changed = em.createNamedQuery("MailMessage.claim").setParameter("node", node())
                .setParameter("until", now.plus(CLAIM)).setParameter("now", now).setParameter("id", id)
                .executeUpdate();
        if (changed != 1) {
            return Optional.empty();
        }
        MailMessage m = em.find(MailMessage.class, id);
        return Optional.of(new Mailer.Outgoing(m.getId(), m.getToAddress(), m.getSubject(), m.getTextBody(),
                m.getHtmlBody(), m.getMessageId(), m.getAttempts()));
    }

    /** Marks a message this node claimed as sent. False when the claim had lapsed and another node took it. */
    public boolean sent(long id) {
        return em.createQuery("UPDATE MailMessage m SET m.status = :sent, m.sentAt = :now, m.claimedUntil = NULL,"
                        + " m.lastError = NULL, m.version = m.version + 1"
                        + " WHERE m.id = :id AND m.status = :sending AND m.claimedBy = :node")
                .setParameter("sent", MailStatus.SENT).setParameter("now", clock.instant()).setParameter("id", id)
                .setParameter("sending", MailStatus.SENDING).setParameter("node", node()).executeUpdate() == 1;
    }

    /**
     * A failed attempt: queued again after a pause that doubles with each attempt ({@code cms.mail.retry-base},
     * at most an hour), or failed for good after {@code cms.mail.max-attempts}.
     *
     * @return the status it is left in
     */
    public MailStatus failed(long id, int attempt, String error) {
        Instant now = clock.instant();
        MailStatus next = attempt >= maxAttempts ? MailStatus.FAILED : MailStatus.QUEUED;
        em.createQuery("UPDATE MailMessage m SET m.status = :next, m.nextAttemptAt = :at, m.claimedUntil = NULL,"
                        + " m.lastError = :error, m.version = m.version + 1"
                        + " WHERE m.id = :id AND m.status = :sending AND m.claimedBy = :node")
                .setParameter("next", next).setParameter("at", now.plus(backOff(retryBase, attempt)))
                .setParameter("error", shortError(error)).setParameter("id", id)
                .setParameter("sending", MailStatus.SENDING).setParameter("node", node()).executeUpdate();
        return next;
    }

    /** The pause after the given attempt (1, 2, …): base, twice the base, four times, … at most an hour. */
    static Duration backOff(Duration base, int attempt) {
        Duration pause = base;
        for (int i = 1; i < attempt && pause.compareTo(RETRY_CAP) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : pause;
    }

    /** One line of the failure, never a stack trace, short enough for the column. */
    static String shortError(String error) {
        String line = error == null || error.isBlank() ? "unknown error" : error.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    public Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus s : MailStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createNamedQuery("MailMessage.countByStatus", Object[].class).getResultList()) {
            counts.put((MailStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A page of messages, newest first, of one status or all. */
    public Page<MailMessage> page(MailStatus status, int page, int size) {
        int first = Page.offset(page, size);
        String where = status == null ? "" : " WHERE m.status = :status";
        var query = em.createQuery("SELECT m FROM MailMessage m JOIN FETCH m.recipient" + where
                + " ORDER BY m.createdAt DESC, m.id DESC", MailMessage.class);
        var count = em.createQuery("SELECT COUNT(m) FROM MailMessage m" + where, Long.class);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<MailMessage> items = query.setFirstResult(first).setMaxResults(size).getResultList();
        return new Page<>(items, count.getSingleResult(), page, size);
    }

    /** Queues a queued or failed message again at once; false when it is sent or being sent. */
    public boolean retryNow(long id) {
        MailMessage m = em.find(MailMessage.class, id);
        if (m == null) {
            throw new CmsException.NotFound("No mail message " + id)
                    .withKey("error.mailNotFound");
        }
        return m.retryNow(clock.instant());
    }

    /** This process, as claims name it: the node's name ({@code CMS_NODE_NAME}) or host, and the process id. */
    public static String node() {
        return NodeName.VALUE;
    }

    /** Worked out once, on first use (not when the class loads, so unit tests need no configuration). */
    private static final class NodeName {
        static final String VALUE = nodeName();
    }

    private static String nodeName() {
        String name = ConfigProvider.getConfig().getOptionalValue("cms.node-name", String.class)
                .filter(n -> !n.isBlank()).orElseGet(() -> {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (UnknownHostException e) {
                        return "node";
                    }
                });
        String node = name + "/" + ProcessHandle.current().pid();
        return node.length() <= 64 ? node : node.substring(node.length() - 64);
    }
}

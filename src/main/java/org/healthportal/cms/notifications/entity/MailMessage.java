package org.healthportal.cms.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.healthportal.cms.accounts.entity.Account;

/**
 * One e-mail of the outbox, written in the transaction of what caused it and sent later by whichever node claims
 * it first ({@code control.MailSender}). Its Message-ID is fixed when it is written, so a message sent again after a
 * node died between the server's OK and marking it sent is recognisably the same message.
 */
@Entity
@Table(name = "mail_message")
@NamedQuery(name = "MailMessage.due",
        query = "SELECT m.id FROM MailMessage m WHERE (m.status = org.healthportal.cms.notifications.entity.MailStatus.QUEUED"
                + " AND m.nextAttemptAt <= :now) OR (m.status = org.healthportal.cms.notifications.entity.MailStatus.SENDING"
                + " AND m.claimedUntil < :now) ORDER BY m.nextAttemptAt, m.id")
@NamedQuery(name = "MailMessage.claim",
        query = "UPDATE MailMessage m SET m.status = org.healthportal.cms.notifications.entity.MailStatus.SENDING,"
                + " m.claimedBy = :node, m.claimedUntil = :until, m.attempts = m.attempts + 1, m.version = m.version + 1"
                + " WHERE m.id = :id AND ((m.status = org.healthportal.cms.notifications.entity.MailStatus.QUEUED"
                + " AND m.nextAttemptAt <= :now) OR (m.status = org.healthportal.cms.notifications.entity.MailStatus.SENDING"
                + " AND m.claimedUntil < :now))")
@NamedQuery(name = "MailMessage.countByStatus",
        query = "SELECT m.status, COUNT(m) FROM MailMessage m GROUP BY m.status")
public class MailMessage {

    /** The kind of a digest, which lists notifications of several kinds. */
    public static final String DIGEST_KIND = "digest";
    public static final int SUBJECT_MAX = 300;
    public static final int ERROR_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private Account recipient;

    @Column(name = "to_address", nullable = false, updatable = false, length = Account.EMAIL_MAX)
    private String toAddress;

    /** A {@link NotificationKind}'s wire name, or {@link #DIGEST_KIND}. */
    @Column(nullable = false, updatable = false, length = 32)
    private String kind;

    @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(name = "text_body", nullable = false, updatable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false, updatable = false)
    private String htmlBody;

    @Column(name = "message_id", nullable = false, updatable = false, length = 200)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected MailMessage() {
    }

    /** A message queued to be sent at once. */
    public MailMessage(Account recipient, String toAddress, String kind, String subject, String textBody,
                       String htmlBody, String messageId, Instant now) {
        this.recipient = recipient;
        this.toAddress = toAddress;
        this.kind = kind;
        this.subject = subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX - 1) + "…";
        this.textBody = textBody;
        this.htmlBody = htmlBody;
        this.messageId = messageId;
        this.status = MailStatus.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * Queued again at once by an admin, with a fresh round of attempts; a message already sent, or being sent
     * right now, is left alone.
     *
     * @return false when it was neither queued nor failed
     */
    public boolean retryNow(Instant now) {
        if (!isRetryable()) {
            return false;
        }
        if (status == MailStatus.FAILED) {
            attempts = 0;
        }
        status = MailStatus.QUEUED;
        nextAttemptAt = now;
        return true;
    }

    /** Queued or failed: an admin may send it again now. */
    public boolean isRetryable() {
        return status == MailStatus.QUEUED || status == MailStatus.FAILED;
    }

    public Long getId() {
        return id;
    }

    public Account getRecipient() {
        return recipient;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getMessageId() {
        return messageId;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public long getVersion() {
        return version;
    }
}

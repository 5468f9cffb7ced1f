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
import java.time.Instant;
import org.healthportal.cms.accounts.entity.Account;

/**
 * One thing one person was told: what happened ({@link #kind}), to what ({@link #subject}, the article's title at
 * the time), by whom, with the comment or reason, and where to act on it ({@link #link}, a path under the site's
 * base URL). Written in the transaction of the change itself, so a change and its notifications commit together.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = "Notification.inbox",
        query = "SELECT n FROM Notification n WHERE n.recipient = :recipient ORDER BY n.createdAt DESC, n.id DESC")
@NamedQuery(name = "Notification.unreadInbox",
        query = "SELECT n FROM Notification n WHERE n.recipient = :recipient AND n.readAt IS NULL"
                + " ORDER BY n.createdAt DESC, n.id DESC")
@NamedQuery(name = "Notification.count",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipient = :recipient")
@NamedQuery(name = "Notification.unreadCount",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipient = :recipient AND n.readAt IS NULL")
@NamedQuery(name = "Notification.markAllRead",
        query = "UPDATE Notification n SET n.readAt = :now WHERE n.recipient = :recipient AND n.readAt IS NULL")
@NamedQuery(name = "Notification.onceExists",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipient = :recipient AND n.onceKey = :onceKey")
public class Notification {

    public static final int SUBJECT_MAX = 300;
    public static final int DETAIL_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private Account recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private NotificationKind kind;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
    private String subject;

    /** A username, or {@code system:…} for the scheduler and the review cycle. */
    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 100)
    private String actorName;

    /** The comment or reason that came with the change, if any. */
    @Column(updatable = false, length = DETAIL_MAX)
    private String detail;

    @Column(nullable = false, updatable = false, length = 500)
    private String link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Delivery delivery;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    /** The digest e-mail that carried it, once one did. */
    @Column(name = "digest_id")
    private Long digestId;

    @Column(name = "once_key", updatable = false, length = 120)
    private String onceKey;

    protected Notification() {
    }

    public Notification(Account recipient, NotificationKind kind, Long articleId, String subject, String actor,
                        String actorName, String detail, String link, Delivery delivery, Instant createdAt,
                        String onceKey) {
        this.recipient = recipient;
        this.kind = kind;
        this.articleId = articleId;
        this.subject = clip(subject, SUBJECT_MAX);
        this.actor = actor;
        this.actorName = clip(actorName, 100);
        this.detail = detail == null || detail.isBlank() ? null : clip(detail.strip(), DETAIL_MAX);
        this.link = link;
        this.delivery = delivery;
        this.createdAt = createdAt;
        this.onceKey = onceKey;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public void digestedIn(Long mailId) {
        this.digestId = mailId;
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Long getId() {
        return id;
    }

    public Account getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Long getArticleId() {
        return articleId;
    }

    public String getSubject() {
        return subject;
    }

    public String getActor() {
        return actor;
    }

    public String getActorName() {
        return actorName;
    }

    public String getDetail() {
        return detail;
    }

    public String getLink() {
        return link;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public Long getDigestId() {
        return digestId;
    }

    public String getOnceKey() {
        return onceKey;
    }
}

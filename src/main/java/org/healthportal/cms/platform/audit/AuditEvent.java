package org.healthportal.cms.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who did what, when, to which revision, or, for what admins do outside articles, to which target (such as
 * {@code account:bob} or {@code disclaimer:3}). Written in the same transaction as the change it records and never
 * updated, so it holds plain values rather than references.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = "AuditEvent.byArticle",
        query = "SELECT e FROM AuditEvent e WHERE e.articleId = :articleId ORDER BY e.occurredAt, e.id")
public class AuditEvent {

    public static final int TARGET_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(name = "revision_id", updatable = false)
    private Long revisionId;

    @Column(name = "revision_number", updatable = false)
    private Integer revisionNumber;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private AuditAction action;

    /** The revision's state before and after, by name: the trail sits below the features whose states it records. */
    @Column(name = "from_state", updatable = false, length = 20)
    private String fromState;

    @Column(name = "to_state", updatable = false, length = 20)
    private String toState;

    @Column(updatable = false)
    private String comment;

    /** What an administration event acted on; null for article events and for every event written before it. */
    @Column(updatable = false, length = TARGET_MAX)
    private String target;

    @Column(name = "prev_hash", updatable = false, length = 64)
    private String prevHash;

    @Column(updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(Long articleId, Long revisionId, Integer revisionNumber, String actor, Instant occurredAt,
                      AuditAction action, String fromState, String toState, String comment) {
        this.articleId = articleId;
        this.revisionId = revisionId;
        this.revisionNumber = revisionNumber;
        this.actor = actor;
        // The hash must be of what the database keeps: whole seconds, since MySQL/MariaDB through EclipseLink and
        // mysql-connector-j drop the fraction even of a DATETIME(6). Events are ordered by id, not by time.
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.SECONDS);
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.comment = comment;
    }

    /** What an admin did outside any article: to an account, a disclaimer, the claims dictionary, a setting. */
    public static AuditEvent administration(String actor, Instant occurredAt, AuditAction action, String target,
                                            String detail) {
        if (target == null || target.isBlank() || target.length() > TARGET_MAX) {
            throw new IllegalArgumentException("An administration event needs a target of at most " + TARGET_MAX
                    + " characters");
        }
        AuditEvent event = new AuditEvent(null, null, null, actor, occurredAt, action, null, null, detail);
        event.target = target;
        return event;
    }

    /** Links this event to the one before it; called once, by {@link AuditChain#append}. */
    void seal(String previousHash) {
        if (hash != null) {
            throw new IllegalStateException("Audit event already sealed");
        }
        this.prevHash = previousHash;
        this.hash = computeHash(previousHash);
    }

    /**
     * SHA-256 over the previous hash and every field of this event, as stored. The target joins the hashed fields
     * only when there is one, so every event written before targets existed still hashes as it did.
     */
    public String computeHash(String previousHash) {
        String micros = occurredAt.getEpochSecond() + "." + String.format("%06d", occurredAt.getNano() / 1000);
        String[] parts = {previousHash, String.valueOf(articleId), String.valueOf(revisionId),
                String.valueOf(revisionNumber), actor, micros, String.valueOf(action), String.valueOf(fromState),
                String.valueOf(toState), String.valueOf(comment)};
        java.util.List<String> hashed = new java.util.ArrayList<>(java.util.Arrays.asList(parts));
        if (target != null) {
            hashed.add("target=" + target);
        }
        return org.healthportal.cms.platform.Hashing.sha256Hex(hashed);
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public Long getId() {
        return id;
    }

    public Long getArticleId() {
        return articleId;
    }

    public Long getRevisionId() {
        return revisionId;
    }

    public Integer getRevisionNumber() {
        return revisionNumber;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getFromState() {
        return fromState;
    }

    public String getToState() {
        return toState;
    }

    public String getComment() {
        return comment;
    }

    public String getTarget() {
        return target;
    }
}

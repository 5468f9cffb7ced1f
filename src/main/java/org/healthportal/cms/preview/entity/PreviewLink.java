package org.healthportal.cms.preview.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.content.entity.Reference;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;

/**
 * A login-free link to one revision of an article, for someone without an account. Only the SHA-256 of its token
 * is kept. The revision's text is copied when the link is made, because a draft changes in place: the recipient
 * sees what the sender shared, and a later edit needs a new link. A link opens until it expires or is revoked.
 */
@Entity
@Table(name = "preview_link")
@NamedQuery(name = "PreviewLink.byTokenHash", query = "SELECT p FROM PreviewLink p WHERE p.tokenHash = :hash")
@NamedQuery(name = "PreviewLink.byArticle",
        query = "SELECT p FROM PreviewLink p WHERE p.article.id = :articleId ORDER BY p.createdAt DESC, p.id DESC")
@NamedQuery(name = "PreviewLink.openOfArticle", query = "SELECT p FROM PreviewLink p WHERE p.article.id = :articleId"
        + " AND p.revokedAt IS NULL AND p.expiresAt > :now")
// Conditional, so that of several first openings at once exactly one finds the field empty and is audited.
@NamedQuery(name = "PreviewLink.markFirstOpened", query = "UPDATE PreviewLink p SET p.firstOpenedAt = :now"
        + " WHERE p.id = :id AND p.firstOpenedAt IS NULL")
public class PreviewLink {

    public static final int DEFAULT_HOURS = 48;
    /** Thirty days. */
    public static final int MAX_HOURS = 720;
    public static final int NOTE_MAX = 500;

    /** Where a link stands at a moment: only an active one shows the revision. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    private Article article;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "revision_id", nullable = false, updatable = false)
    private Revision revision;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(length = NOTE_MAX, updatable = false)
    private String note;

    @Column(nullable = false, updatable = false, length = ArticleContent.TITLE_MAX)
    private String title;

    @Column(nullable = false, updatable = false, length = ArticleContent.SUMMARY_MAX)
    private String summary;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(updatable = false, length = ArticleContent.META_MAX)
    private String source;

    @Column(updatable = false, length = ArticleContent.META_MAX)
    private String byline;

    @Column(updatable = false, length = ArticleContent.META_MAX)
    private String audience;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "preview_link_reference", joinColumns = @JoinColumn(name = "preview_link_id"))
    @OrderColumn(name = "position")
    private List<Reference> references = new ArrayList<>();

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    /** Written only by {@code PreviewLink.markFirstOpened}, never through this entity. */
    @Column(name = "first_opened_at", insertable = false, updatable = false)
    private Instant firstOpenedAt;

    @Version
    private long version;

    protected PreviewLink() {
    }

    /**
     * A link to the revision as it stands now.
     *
     * @param hours how long it opens, 1 to {@link #MAX_HOURS}; null for {@link #DEFAULT_HOURS}
     * @param note  for the recipient, optional, at most {@link #NOTE_MAX} characters
     */
    public static PreviewLink of(Revision revision, String tokenHash, Integer hours, String note, String createdBy,
                                 Instant now) {
        int h = hours == null ? DEFAULT_HOURS : hours;
        if (h < 1 || h > MAX_HOURS) {
            throw new CmsException.InvalidInput("hours must be from 1 to " + MAX_HOURS + " (30 days), not " + h)
                    .withKey("error.previewHours", MAX_HOURS);
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > NOTE_MAX) {
            throw new CmsException.InvalidInput("note is too long: at most " + NOTE_MAX + " characters")
                    .withKey("error.previewNote", NOTE_MAX);
        }
        PreviewLink link = new PreviewLink();
        link.article = revision.getArticle();
        link.revision = revision;
        link.tokenHash = tokenHash;
        link.note = n;
        link.title = revision.getTitle();
        link.summary = revision.getSummary();
        link.body = revision.getBody();
        link.source = revision.getSource();
        link.byline = revision.getByline();
        link.audience = revision.getAudience();
        link.references = new ArrayList<>(revision.references());
        link.createdBy = createdBy;
        link.createdAt = now;
        link.expiresAt = now.plus(Duration.ofHours(h));
        return link;
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public boolean isActive(Instant now) {
        return status(now) == Status.ACTIVE;
    }

    /**
     * Ends the link at once.
     *
     * @return false when it was revoked already (nothing changes then)
     */
    public boolean revoke(String by, Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedBy = by;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public Revision getRevision() {
        return revision;
    }

    public String getNote() {
        return note;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public String getSource() {
        return source;
    }

    public String getByline() {
        return byline;
    }

    public String getAudience() {
        return audience;
    }

    public List<Reference> getReferences() {
        return List.copyOf(references);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }

    public long getVersion() {
        return version;
    }
}

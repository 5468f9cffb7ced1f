package org.healthportal.cms.site.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A committed change that may alter what the public sees, as a row every node reads (the change log). The
 * {@code token} names the change across nodes: the data grid's signal carries it, so a node that heard the
 * signal skips the row when it reads it.
 */
@Entity
@Table(name = "site_change")
public class SiteChange {

    public enum Kind { ARTICLE, CATEGORY, POLICY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 32)
    private String token;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 12)
    private Kind kind;

    @Column(updatable = false)
    private Long subject;

    @Column(name = "public_page", nullable = false, updatable = false)
    private boolean publicPage;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected SiteChange() {
    }

    public SiteChange(Kind kind, Long subject, boolean publicPage, Instant changedAt) {
        this.token = UUID.randomUUID().toString().replace("-", "");
        this.kind = kind;
        this.subject = subject;
        this.publicPage = publicPage;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public String getToken() {
        return token;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getSubject() {
        return subject;
    }

    /** For an article: its page shows something new even if its live revision stays the same. */
    public boolean isPublicPage() {
        return publicPage;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}

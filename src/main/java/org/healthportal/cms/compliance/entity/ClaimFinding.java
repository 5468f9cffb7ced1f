package org.healthportal.cms.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A flagged term found in a revision, kept with the revision together with the editor's justification. */
@Entity
@Table(name = "claim_finding")
@NamedQuery(name = "ClaimFinding.byRevision",
        query = "SELECT f FROM ClaimFinding f WHERE f.revisionId = :revisionId ORDER BY f.id")
public class ClaimFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The revision's id: findings belong to the text checked, whichever feature keeps it. */
    @Column(name = "revision_id", nullable = false, updatable = false)
    private Long revisionId;

    @Column(nullable = false, length = 100, updatable = false)
    private String term;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private ClaimTerm.Kind kind;

    @Column(nullable = false, updatable = false)
    private int occurrences;

    @Column(nullable = false, length = 300, updatable = false)
    private String excerpt;

    @Column(length = 2000, updatable = false)
    private String justification;

    @Column(name = "checked_at", nullable = false, updatable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", nullable = false, length = 64, updatable = false)
    private String checkedBy;

    protected ClaimFinding() {
    }

    public ClaimFinding(CheckedText revision, ClaimsCheck.Finding finding, String justification, Instant checkedAt,
                        String checkedBy) {
        this.revisionId = revision.getId();
        this.term = finding.term();
        this.kind = finding.kind();
        this.occurrences = finding.occurrences();
        this.excerpt = finding.excerpt();
        this.justification = justification;
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getRevisionId() {
        return revisionId;
    }

    public String getTerm() {
        return term;
    }

    public ClaimTerm.Kind getKind() {
        return kind;
    }

    public int getOccurrences() {
        return occurrences;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getJustification() {
        return justification;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getCheckedBy() {
        return checkedBy;
    }
}

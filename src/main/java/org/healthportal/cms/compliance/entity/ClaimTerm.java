package org.healthportal.cms.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.healthportal.cms.platform.CmsException;

/** One entry of the claims dictionary, maintained by admins. */
@Entity
@Table(name = "claim_term")
public class ClaimTerm {

    /** Why a term is flagged. */
    public enum Kind {
        /** Superlatives: 最, 第一, 国家级. */
        ABSOLUTE,
        /** Promises of efficacy or safety: 根治, 治愈率, 无毒副作用. */
        EFFICACY,
        /** A call to action inside knowledge content: medical advertising in disguise. */
        CTA
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String term;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(length = 500)
    private String note;

    @Version
    private long version;

    protected ClaimTerm() {
    }

    public ClaimTerm(String term, Kind kind, String note) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new CmsException.InvalidInput("A term of 1 to 100 characters is required").withKey("error.termRequired").withField("term");
        }
        if (kind == null) {
            throw new CmsException.InvalidInput("A kind is required").withKey("error.termRequired").withField("kind");
        }
        this.term = t;
        this.kind = kind;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public Long getId() {
        return id;
    }

    public String getTerm() {
        return term;
    }

    public Kind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }
}

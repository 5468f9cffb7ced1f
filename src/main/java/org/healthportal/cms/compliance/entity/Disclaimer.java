package org.healthportal.cms.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * One version of the compliance disclaimer (免责声明). Versions are never changed, only superseded, so each
 * publication can say exactly which text was shown beneath it.
 */
@Entity
@Table(name = "disclaimer")
@NamedQuery(name = "Disclaimer.current", query = "SELECT d FROM Disclaimer d ORDER BY d.versionNumber DESC")
public class Disclaimer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "version_number", nullable = false, unique = true, updatable = false)
    private int versionNumber;

    @Column(name = "text_zh", nullable = false, updatable = false)
    private String textZh;

    @Column(name = "text_en", nullable = false, updatable = false)
    private String textEn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    protected Disclaimer() {
    }

    public Disclaimer(int versionNumber, String textZh, String textEn, Instant createdAt, String createdBy) {
        this.versionNumber = versionNumber;
        this.textZh = textZh;
        this.textEn = textEn;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? textEn : textZh;
    }

    public Long getId() {
        return id;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getTextZh() {
        return textZh;
    }

    public String getTextEn() {
        return textEn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}

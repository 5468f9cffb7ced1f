package org.healthportal.cms.taxonomy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The site's choice of overdue-review policy (a single row); null keeps the configured default. */
@Entity
@Table(name = "review_setting")
public class ReviewSetting {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "overdue_policy", length = 20)
    private String overduePolicy;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ReviewSetting() {
    }

    public void choose(String policy, String by, Instant at) {
        this.overduePolicy = policy;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getOverduePolicy() {
        return overduePolicy;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

package org.healthportal.cms.importing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One WordPress import: queued when the file has been read through once and found sound, running while its items
 * are written, then done (with its report) or failed (with why). The node running it writes its progress here,
 * so any node answers a poll; a job whose node stopped beating is reported failed rather than running for ever.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How long a running job may go without a sign of life before its node is taken to have stopped. */
    public static final Duration SILENCE = Duration.ofMinutes(2);
    public static final int ERROR_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "site_url", length = 500)
    private String siteUrl;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 200)
    private String options;

    @Column(name = "total_items", nullable = false)
    private int totalItems;

    @Column(name = "done_items", nullable = false)
    private int doneItems;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(length = ERROR_MAX)
    private String error;

    @Column
    private String report;

    @Version
    private long version;

    protected ImportJob() {
    }

    public ImportJob(String fileName, String siteUrl, String actor, String options, int totalItems, Instant now) {
        this.status = Status.QUEUED;
        this.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        this.siteUrl = siteUrl;
        this.actor = actor;
        this.options = options;
        this.totalItems = totalItems;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void running(Instant now) {
        status = Status.RUNNING;
        updatedAt = now;
    }

    public void progress(int done, Instant now) {
        doneItems = Math.min(done, totalItems);
        updatedAt = now;
    }

    public void done(String reportJson, Instant now) {
        status = Status.DONE;
        doneItems = totalItems;
        report = reportJson;
        updatedAt = now;
        finishedAt = now;
    }

    public void failed(String why, String reportJson, Instant now) {
        status = Status.FAILED;
        error = why == null ? "" : why.length() > ERROR_MAX ? why.substring(0, ERROR_MAX) : why;
        report = reportJson;
        updatedAt = now;
        finishedAt = now;
    }

    /** The status as a reader should see it: a job nobody has advanced for {@link #SILENCE} has stopped. */
    public Status statusAt(Instant now) {
        boolean open = status == Status.QUEUED || status == Status.RUNNING;
        return open && updatedAt.plus(SILENCE).isBefore(now) ? Status.FAILED : status;
    }

    /** Why it failed, including a node that stopped beating. */
    public String errorAt(Instant now) {
        if (error == null && statusAt(now) == Status.FAILED) {
            return "the import stopped (its server went away at " + updatedAt + "); run it again: what was"
                    + " imported is recognised and not imported twice";
        }
        return error;
    }

    /** Done out of total, 0 to 100. */
    public int percent() {
        return totalItems == 0 ? (status == Status.DONE ? 100 : 0) : (int) (100L * doneItems / totalItems);
    }

    public Long getId() {
        return id;
    }

    public Status getStatus() {
        return status;
    }

    public String getFileName() {
        return fileName;
    }

    public String getSiteUrl() {
        return siteUrl;
    }

    public String getActor() {
        return actor;
    }

    public String getOptions() {
        return options;
    }

    public int getTotalItems() {
        return totalItems;
    }

    public int getDoneItems() {
        return doneItems;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getReport() {
        return report;
    }

    public long getVersion() {
        return version;
    }
}

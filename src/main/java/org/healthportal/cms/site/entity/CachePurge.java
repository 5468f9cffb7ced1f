package org.healthportal.cms.site.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A purge the shared caches are owed: the tags of what changed, hard (gone at once, never served stale: a
 * withdrawal) or soft (fetched again, the stale copy kept only for when the CMS is away), and the caches that
 * still have to hear it in this round. Round 1 is sent at once, round 2 once every node has applied the change.
 */
@Entity
@Table(name = "cache_purge")
public class CachePurge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 2000)
    private String tags;

    @Column(nullable = false, updatable = false)
    private boolean hard;

    /** Base URLs of the caches still to be told this round, separated by spaces. */
    @Column(nullable = false, length = 4000)
    private String pending;

    @Column(name = "round_no", nullable = false)
    private int round;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_at", nullable = false)
    private Instant nextAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected CachePurge() {
    }

    public CachePurge(List<String> tags, boolean hard, List<String> caches, Instant now) {
        this.tags = String.join(" ", tags);
        this.hard = hard;
        this.pending = String.join(" ", caches);
        this.round = 1;
        this.createdAt = now;
        this.nextAt = now;
    }

    public Long getId() {
        return id;
    }

    public List<String> getTags() {
        return List.of(tags.split(" "));
    }

    public boolean isHard() {
        return hard;
    }

    public List<String> getPending() {
        return pending.isBlank() ? List.of() : Arrays.asList(pending.split(" "));
    }

    public int getRound() {
        return round;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

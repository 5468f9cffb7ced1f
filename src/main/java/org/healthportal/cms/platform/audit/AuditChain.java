package org.healthportal.cms.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The head of the audit chain: the hash the next event links to. One row, locked by each writer. */
@Entity
@Table(name = "audit_chain")
public class AuditChain {

    public static final int ID = 1;
    public static final String GENESIS = "0".repeat(64);

    @Id
    private int id;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(nullable = false)
    private long events;

    @Version
    private long version;

    protected AuditChain() {
    }

    /** Links the event to the chain and moves the head to it. */
    public void append(AuditEvent event) {
        event.seal(lastHash);
        lastHash = event.getHash();
        events++;
    }

    public String getLastHash() {
        return lastHash;
    }

    public long getEvents() {
        return events;
    }
}

-- Tamper-evident audit: each event carries the hash of the one before it. The single-row head is locked by
-- every writer, so events join the chain one at a time even with several instances.
ALTER TABLE audit_event ADD COLUMN prev_hash CHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN hash CHAR(64) NULL;

CREATE TABLE audit_chain (
    id INT PRIMARY KEY,
    last_hash CHAR(64) NOT NULL,
    events BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
)${tableOptions};

INSERT INTO audit_chain (id, last_hash, events, version)
VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0);

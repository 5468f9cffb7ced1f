-- Sessions end when what they were granted changes: every disable, role change or new password moves the
-- generation on, and a session signed in under an older one is over at its next request.
ALTER TABLE account ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
-- A password someone else chose (the bootstrap admin's, an admin's reset) must be replaced at the next sign-in.
ALTER TABLE account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account ADD COLUMN password_reset_by VARCHAR(64) NULL;
ALTER TABLE account ADD COLUMN password_reset_at DATETIME(6) NULL;

-- Failed and refused sign-ins, shared by every instance: the throttle counts them, admins read them. A success
-- clears the account's failures, an admin lifting a block clears the blocked ones; cleared rows stay as a record.
CREATE TABLE login_attempt (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    client_address VARCHAR(64) NOT NULL,
    channel VARCHAR(8) NOT NULL,
    outcome VARCHAR(12) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    cleared BOOLEAN NOT NULL DEFAULT FALSE
)${tableOptions};

CREATE INDEX ix_login_attempt_username ON login_attempt (username, occurred_at);
CREATE INDEX ix_login_attempt_address ON login_attempt (client_address, occurred_at);
CREATE INDEX ix_login_attempt_time ON login_attempt (occurred_at);

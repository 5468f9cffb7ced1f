-- What admins do outside articles joins the audit chain with a target ("account:bob", "disclaimer:3"); events
-- written before keep a NULL target, which their hash never included.
ALTER TABLE audit_event ADD COLUMN target VARCHAR(200) NULL;
CREATE INDEX ix_audit_target ON audit_event (target, occurred_at);

-- Accounts get an e-mail address (optional; provisioning scripts set it through the accounts API).
ALTER TABLE account ADD COLUMN email VARCHAR(254) NULL;

-- Notifications: who was told what, in the back office; written in the same transaction as the change that
-- caused them. The recipient's choice at that moment (e-mail now, daily digest, in-app only) is kept with each.
ALTER TABLE account ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'zh-CN';

CREATE TABLE notification (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient_id BIGINT NOT NULL,
    kind VARCHAR(32) NOT NULL,
    article_id BIGINT NULL,
    subject VARCHAR(300) NOT NULL,
    actor VARCHAR(64) NOT NULL,
    actor_name VARCHAR(100) NOT NULL,
    detail VARCHAR(2000) NULL,
    link VARCHAR(500) NOT NULL,
    delivery VARCHAR(8) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    read_at DATETIME(6) NULL,
    digest_id BIGINT NULL,
    -- Said once: a review due date or a lapsing licence is told once per date, however often the scan runs.
    once_key VARCHAR(120) NULL,
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    CONSTRAINT uk_notification_once UNIQUE (recipient_id, once_key)
)${tableOptions};

CREATE INDEX ix_notification_inbox ON notification (recipient_id, created_at);
CREATE INDEX ix_notification_unread ON notification (recipient_id, read_at);
CREATE INDEX ix_notification_digest ON notification (delivery, digest_id, created_at);

CREATE TABLE notification_preference (
    account_id BIGINT NOT NULL,
    kind VARCHAR(32) NOT NULL,
    delivery VARCHAR(8) NOT NULL,
    PRIMARY KEY (account_id, kind),
    CONSTRAINT fk_notification_preference_account FOREIGN KEY (account_id) REFERENCES account (id)
)${tableOptions};

-- The outbox: each e-mail is a row written with the notification, sent later by whichever node claims it first.
CREATE TABLE mail_message (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient_id BIGINT NOT NULL,
    to_address VARCHAR(254) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    subject VARCHAR(300) NOT NULL,
    text_body MEDIUMTEXT NOT NULL,
    html_body MEDIUMTEXT NOT NULL,
    message_id VARCHAR(200) NOT NULL,
    status VARCHAR(8) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    claimed_by VARCHAR(64) NULL,
    claimed_until DATETIME(6) NULL,
    last_error VARCHAR(1000) NULL,
    created_at DATETIME(6) NOT NULL,
    sent_at DATETIME(6) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_mail_message_recipient FOREIGN KEY (recipient_id) REFERENCES account (id),
    CONSTRAINT uk_mail_message_id UNIQUE (message_id)
)${tableOptions};

CREATE INDEX ix_mail_message_due ON mail_message (status, next_attempt_at);
CREATE INDEX ix_mail_message_time ON mail_message (created_at);

-- The site's overdue-review policy, chosen by an admin in the back office (one row). NULL means the configured
-- default (CMS_REVIEW_OVERDUE_POLICY).
CREATE TABLE review_setting (
    id INT PRIMARY KEY,
    overdue_policy VARCHAR(20) NULL,
    updated_by VARCHAR(64) NULL,
    updated_at DATETIME(6) NULL,
    version BIGINT NOT NULL DEFAULT 0
)${tableOptions};

INSERT INTO review_setting (id, version) VALUES (1, 0);

-- The CMS schema. Common SQL for H2 (MODE=LEGACY) and MySQL 8 / MariaDB; ${tableOptions} adds the utf8mb4
-- InnoDB clause on MySQL and nothing on H2. Times are UTC, DATETIME(6) so MySQL keeps the fractions.

CREATE TABLE category (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT NULL,
    slug VARCHAR(80) NOT NULL,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    sort_order INT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_category_slug UNIQUE (slug),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
)${tableOptions};

CREATE TABLE account (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    display_name VARCHAR(100) NOT NULL,
    password_hash VARCHAR(400) NOT NULL,
    roles VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_username UNIQUE (username)
)${tableOptions};

CREATE TABLE reviewer_profile (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT NOT NULL,
    professional_title VARCHAR(100) NOT NULL,
    institution VARCHAR(200) NOT NULL,
    specialty VARCHAR(200) NOT NULL,
    licence_number VARCHAR(64) NOT NULL,
    verified_until DATE NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_reviewer_profile_account UNIQUE (account_id),
    CONSTRAINT fk_reviewer_profile_account FOREIGN KEY (account_id) REFERENCES account (id)
)${tableOptions};

CREATE TABLE disclaimer (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    version_number INT NOT NULL,
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    CONSTRAINT uk_disclaimer_version UNIQUE (version_number)
)${tableOptions};

CREATE TABLE article (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug VARCHAR(120) NOT NULL,
    latest_revision_id BIGINT NULL,
    live_revision_id BIGINT NULL,
    was_published BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_article_slug UNIQUE (slug)
)${tableOptions};

CREATE TABLE revision (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    number INT NOT NULL,
    state VARCHAR(20) NOT NULL,
    title VARCHAR(200) NOT NULL,
    summary VARCHAR(1000) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    category_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    contributors VARCHAR(1000) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    content_hash CHAR(64) NOT NULL,
    submitted_at DATETIME(6) NULL,
    approved_by_id BIGINT NULL,
    approved_at DATETIME(6) NULL,
    approved_hash CHAR(64) NULL,
    publish_at DATETIME(6) NULL,
    published_at DATETIME(6) NULL,
    disclaimer_id BIGINT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_revision_number UNIQUE (article_id, number),
    CONSTRAINT fk_revision_article FOREIGN KEY (article_id) REFERENCES article (id),
    CONSTRAINT fk_revision_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_revision_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT fk_revision_approver FOREIGN KEY (approved_by_id) REFERENCES account (id),
    CONSTRAINT fk_revision_disclaimer FOREIGN KEY (disclaimer_id) REFERENCES disclaimer (id)
)${tableOptions};

CREATE INDEX ix_revision_state ON revision (state);
CREATE INDEX ix_revision_publish_at ON revision (publish_at);
CREATE INDEX ix_revision_category ON revision (category_id);

ALTER TABLE article ADD CONSTRAINT fk_article_latest FOREIGN KEY (latest_revision_id) REFERENCES revision (id);
ALTER TABLE article ADD CONSTRAINT fk_article_live FOREIGN KEY (live_revision_id) REFERENCES revision (id);
CREATE INDEX ix_article_modified ON article (modified_at);

CREATE TABLE review_comment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    revision_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    body TEXT NOT NULL,
    CONSTRAINT fk_review_comment_revision FOREIGN KEY (revision_id) REFERENCES revision (id),
    CONSTRAINT fk_review_comment_author FOREIGN KEY (author_id) REFERENCES account (id)
)${tableOptions};

CREATE TABLE audit_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NULL,
    revision_id BIGINT NULL,
    revision_number INT NULL,
    actor VARCHAR(64) NOT NULL,
    occurred_at DATETIME(6) NOT NULL,
    action VARCHAR(32) NOT NULL,
    from_state VARCHAR(20) NULL,
    to_state VARCHAR(20) NULL,
    comment TEXT NULL
)${tableOptions};

CREATE INDEX ix_audit_article ON audit_event (article_id, occurred_at);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);

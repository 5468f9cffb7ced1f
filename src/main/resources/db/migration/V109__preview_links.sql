-- Login-free preview links for outside experts. The token itself is never stored, only its SHA-256. The text is
-- copied from the revision when the link is made: a draft changes in place, and the recipient must see what the
-- sender saw (later edits need a new link).
CREATE TABLE preview_link (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT NOT NULL,
    revision_id BIGINT NOT NULL,
    token_hash CHAR(64) NOT NULL,
    note VARCHAR(500) NULL,
    title VARCHAR(200) NOT NULL,
    summary VARCHAR(1000) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    source VARCHAR(200) NULL,
    byline VARCHAR(200) NULL,
    audience VARCHAR(200) NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    revoked_by VARCHAR(64) NULL,
    first_opened_at DATETIME(6) NULL,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_preview_link_article FOREIGN KEY (article_id) REFERENCES article (id),
    CONSTRAINT fk_preview_link_revision FOREIGN KEY (revision_id) REFERENCES revision (id),
    CONSTRAINT uk_preview_link_token UNIQUE (token_hash)
)${tableOptions};

CREATE INDEX ix_preview_link_article ON preview_link (article_id, created_at);

-- The references as they were when the link was made, in their order.
CREATE TABLE preview_link_reference (
    preview_link_id BIGINT NOT NULL,
    position INT NOT NULL,
    title VARCHAR(300) NOT NULL,
    publisher VARCHAR(200) NOT NULL,
    pub_year INT NULL,
    link VARCHAR(500) NULL,
    PRIMARY KEY (preview_link_id, position),
    CONSTRAINT fk_preview_link_reference_link FOREIGN KEY (preview_link_id) REFERENCES preview_link (id)
)${tableOptions};

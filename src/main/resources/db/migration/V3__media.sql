-- The media library: images kept in the database so every instance serves the same files.
CREATE TABLE media_item (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name VARCHAR(200) NOT NULL,
    content_type VARCHAR(50) NOT NULL,
    size_bytes INT NOT NULL,
    width INT NULL,
    height INT NULL,
    alt_text VARCHAR(250) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    data MEDIUMBLOB NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    uploaded_at DATETIME(6) NOT NULL,
    version BIGINT NOT NULL DEFAULT 0
)${tableOptions};

CREATE INDEX ix_media_uploaded ON media_item (uploaded_at);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_revision_author ON revision (author_id);

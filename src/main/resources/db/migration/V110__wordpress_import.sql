-- WordPress imports. A job is one upload and what became of it; the report is kept as JSON for the screen and the
-- API. Any node may answer a poll: the job's state is here, not in the memory of the node that runs it.
CREATE TABLE import_job (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    status VARCHAR(20) NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    site_url VARCHAR(500) NULL,
    actor VARCHAR(64) NOT NULL,
    options VARCHAR(200) NOT NULL,
    total_items INT NOT NULL,
    done_items INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    error VARCHAR(1000) NULL,
    report MEDIUMTEXT NULL,
    version BIGINT NOT NULL DEFAULT 0
)${tableOptions};

CREATE INDEX ix_import_job_created ON import_job (created_at);

-- What each WordPress item became, recognised by the old site's address and the item's id there, so that a second
-- import of the same file creates nothing new (the unique key decides a race between two imports).
CREATE TABLE imported_item (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    site_url VARCHAR(255) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    wp_id BIGINT NOT NULL,
    article_id BIGINT NULL,
    category_id BIGINT NULL,
    media_id BIGINT NULL,
    job_id BIGINT NULL,
    imported_at DATETIME(6) NOT NULL,
    CONSTRAINT uk_imported_item UNIQUE (site_url, kind, wp_id),
    CONSTRAINT fk_imported_item_article FOREIGN KEY (article_id) REFERENCES article (id),
    CONSTRAINT fk_imported_item_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_imported_item_media FOREIGN KEY (media_id) REFERENCES media_item (id)
)${tableOptions};

CREATE INDEX ix_imported_item_article ON imported_item (article_id);

-- The old site's addresses (normalised: decoded, lower case, ending in a slash, or /?p=ID), each answered with a
-- 301 to the article or category it became once that is public. The first import to claim an address keeps it.
CREATE TABLE old_address (
    path VARCHAR(500) NOT NULL PRIMARY KEY,
    article_id BIGINT NULL,
    category_id BIGINT NULL,
    CONSTRAINT fk_old_address_article FOREIGN KEY (article_id) REFERENCES article (id),
    CONSTRAINT fk_old_address_category FOREIGN KEY (category_id) REFERENCES category (id)
)${tableOptions};

-- When an article was first published on the site it came from; the public page shows it as the publish date.
ALTER TABLE article ADD COLUMN original_published_at DATETIME(6) NULL;

-- The claims check's findings in a revision's text when it was last written: the article list shows which drafts
-- have wording to check (an import's above all) without running the check for every row.
ALTER TABLE revision ADD COLUMN claims_findings INT NOT NULL DEFAULT 0;

-- Every change that may alter the public site, written in the same transaction as the change itself. Each node
-- reads the rows after the last one it saw, so it learns of every committed change within a bounded time even
-- when the data grid never formed or split; the grid's signal only makes it instant. Rows are short-lived.
CREATE TABLE site_change (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    token VARCHAR(32) NOT NULL,
    kind VARCHAR(12) NOT NULL,
    subject BIGINT NULL,
    public_page BOOLEAN NOT NULL,
    changed_at DATETIME(6) NOT NULL
)${tableOptions};

CREATE INDEX ix_site_change_time ON site_change (changed_at);

-- The re-review cycle: each category may set how often its articles are reviewed again (null: as its parent,
-- or the site default); each article knows when it was last reviewed and when the next review is due.
ALTER TABLE category ADD COLUMN review_interval_months INT NULL;
ALTER TABLE article ADD COLUMN last_reviewed_at DATETIME(6) NULL;
ALTER TABLE article ADD COLUMN next_review_due DATETIME(6) NULL;
ALTER TABLE article ADD COLUMN overdue_handled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_article_next_review ON article (next_review_due);

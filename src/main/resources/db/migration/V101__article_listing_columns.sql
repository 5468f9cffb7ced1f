-- The back office lists, filters and counts articles by their latest revision. Joining every article to its
-- latest revision to sort or count took seconds at 100,000 articles, so the article row keeps a copy of what
-- the lists need (kept by Article.touch on every change) and the lists read the article table alone, through
-- indexes in the order they are shown (newest change first).
ALTER TABLE article ADD COLUMN state VARCHAR(20) NULL;
ALTER TABLE article ADD COLUMN title VARCHAR(200) NULL;
ALTER TABLE article ADD COLUMN summary VARCHAR(1000) NULL;
ALTER TABLE article ADD COLUMN category_id BIGINT NULL;
ALTER TABLE article ADD COLUMN author_id BIGINT NULL;
ALTER TABLE article ADD COLUMN published_at DATETIME(6) NULL;

UPDATE article SET
    state = (SELECT r.state FROM revision r WHERE r.id = article.latest_revision_id),
    title = (SELECT r.title FROM revision r WHERE r.id = article.latest_revision_id),
    summary = (SELECT r.summary FROM revision r WHERE r.id = article.latest_revision_id),
    category_id = (SELECT r.category_id FROM revision r WHERE r.id = article.latest_revision_id),
    author_id = (SELECT r.author_id FROM revision r WHERE r.id = article.latest_revision_id),
    published_at = (SELECT r.published_at FROM revision r WHERE r.id = article.live_revision_id);

ALTER TABLE article ADD CONSTRAINT fk_article_category FOREIGN KEY (category_id) REFERENCES category (id);
ALTER TABLE article ADD CONSTRAINT fk_article_author FOREIGN KEY (author_id) REFERENCES account (id);

-- Descending, as the lists are read: H2 only walks an index in its own direction.
CREATE INDEX ix_article_list_modified ON article (modified_at DESC, id DESC);
CREATE INDEX ix_article_list_state ON article (state, modified_at DESC, id DESC);
CREATE INDEX ix_article_list_category ON article (category_id, modified_at DESC, id DESC);
CREATE INDEX ix_article_list_author ON article (author_id, modified_at DESC, id DESC);
CREATE INDEX ix_article_list_author_state ON article (author_id, state, modified_at DESC, id DESC);
CREATE INDEX ix_article_list_published ON article (published_at DESC, id DESC);

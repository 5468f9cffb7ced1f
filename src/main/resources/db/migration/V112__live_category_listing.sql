-- An article page's related list: the newest live articles of a category. Read through revision's index on
-- (category, publication time), H2 at 100,000 articles chose the category-only index instead, read every revision
-- of the category with its body, joined each to its article and sorted: after every publication, for every
-- category. The article row now keeps its live revision's category beside its publication time (kept by
-- Article.touch with the rest of the listing), and this index holds a category's live articles newest first.
ALTER TABLE article ADD COLUMN live_category_id BIGINT NULL;

UPDATE article SET live_category_id = (SELECT r.category_id FROM revision r WHERE r.id = article.live_revision_id);

-- No foreign key: H2 would give it an index of its own on the category alone and read the category through that,
-- then sort, rather than walk this one in order. The column is a copy of the live revision's category_id, which
-- has its key.
CREATE INDEX ix_article_live_category ON article (live_category_id, published_at DESC, id DESC);

-- An article page's related list: the newest live revisions of a category, read through this index instead of
-- sorting every revision.
CREATE INDEX ix_revision_category_published ON revision (category_id, published_at DESC);

-- The public site lists live articles newest first (home, category pages, feed): an index on the publication
-- time lets those lists read a page without sorting every revision.
CREATE INDEX ix_revision_published ON revision (published_at);

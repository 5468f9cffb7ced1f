-- The addresses an article had while public: a request for one redirects permanently to the current address, and
-- no other article may take it.
CREATE TABLE former_slug (
    slug VARCHAR(120) NOT NULL PRIMARY KEY,
    article_id BIGINT NOT NULL,
    retired_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_former_slug_article FOREIGN KEY (article_id) REFERENCES article (id)
)${tableOptions};

CREATE INDEX ix_former_slug_article ON former_slug (article_id);

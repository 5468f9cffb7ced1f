-- Purges the shared caches in front of the site (Varnish, a CDN) still owe, written in the same transaction as the
-- change itself: a node that dies after the commit leaves its purge to the others, and a cache that is away is told
-- once it is back. Each row is sent twice (at once, and again once every node has surely applied the change, so a
-- copy fetched meanwhile from a node that lagged is dropped too), then deleted.
CREATE TABLE cache_purge (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    tags VARCHAR(2000) NOT NULL,
    hard BOOLEAN NOT NULL,
    pending VARCHAR(4000) NOT NULL,
    round_no INT NOT NULL,
    attempts INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    next_at DATETIME(6) NOT NULL,
    claimed_until DATETIME(6) NULL,
    last_error VARCHAR(500) NULL
)${tableOptions};

CREATE INDEX ix_cache_purge_next ON cache_purge (next_at);

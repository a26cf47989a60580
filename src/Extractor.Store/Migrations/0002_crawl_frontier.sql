-- 0002: the crawler's frontier. One row per normalised URL ever seen; a crawl killed half-way resumes from the rows
-- still pending, and a re-crawl sends the stored ETag / Last-Modified (conditional GET). A URL whose content was
-- ingested names its document (documents.sha256; no foreign key: a document may be re-extracted or deleted).

CREATE TABLE crawl_urls (
    url               TEXT PRIMARY KEY,        -- normalised absolute URL
    site              TEXT NOT NULL,           -- scheme://host[:port] of the seed the crawl stays on
    depth             INTEGER NOT NULL,        -- links from the seed (pagination keeps its list page's depth)
    priority          INTEGER NOT NULL DEFAULT 0,
    seq               INTEGER NOT NULL,        -- discovery order
    found_on          TEXT,                    -- the page that linked it (first seen)
    link_text         TEXT,
    link_kind         TEXT NOT NULL,           -- seed | page | pagination | attachment
    relevant          INTEGER NOT NULL DEFAULT 0, -- the link or its page names a disclosure (决算/预算/三公/绩效…)
    state             TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'skipped')),
    outcome           TEXT,                    -- disclosure | attachment | duplicate | list | page | not_modified | disallowed | offsite_redirect | http_404 | error…
    final_url         TEXT,                    -- after redirects
    status_code       INTEGER,
    media_type        TEXT,
    etag              TEXT,
    last_modified     TEXT,
    http_date         TEXT,                    -- the response's Date header
    sha256            TEXT,                    -- of the content fetched
    size_bytes        INTEGER,
    document          TEXT,                    -- documents.sha256 when the content is (or was already) stored
    attempts          INTEGER NOT NULL DEFAULT 0,
    error             TEXT,
    discovered_at     TEXT NOT NULL,
    fetched_at        TEXT
);
CREATE INDEX crawl_urls_next ON crawl_urls (site, state, priority DESC, seq);
CREATE INDEX crawl_urls_sha ON crawl_urls (sha256);

CREATE TABLE crawl_sites (
    site              TEXT PRIMARY KEY,
    seeds             TEXT NOT NULL,           -- JSON array of seed URLs
    started_at        TEXT NOT NULL,
    finished_at       TEXT                     -- set when no URL is pending; the next crawl revisits (conditional GET)
);

-- Crawled documents with their HTTP metadata: where each stored document was found.
CREATE VIEW crawled_documents AS
SELECT d.sha256, u.url, u.final_url, u.found_on, u.link_text, u.etag, u.last_modified, u.http_date, u.fetched_at,
       d.media_type, d.kind, d.agency, d.fiscal_year, d.status, d.error_reason
FROM crawl_urls u JOIN documents d ON d.sha256 = u.document;

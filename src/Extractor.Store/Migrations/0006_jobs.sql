-- 0006: what workers on several machines share beyond the documents.
-- A document claim: the job extracting a sha256 holds it until the document is stored (the same transaction deletes
-- it), so two jobs never store one document and a job whose worker died is taken over when its claim expires (or at
-- once by the same job run again). Times are ISO 8601 UTC text, compared as text.
CREATE TABLE document_claims (
    sha256            TEXT PRIMARY KEY,
    token             TEXT NOT NULL,           -- this attempt's own id: only it may store the document
    holder            TEXT NOT NULL,           -- the worker: host/pid
    job               TEXT,                    -- the job id, when run by a job queue
    source            TEXT,
    claimed_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL            -- renewed while the worker extracts
);

-- A crawl of one site runs as short slices on any worker; the slice holding the site's lease is the only one that
-- sends it requests. last_request_at is when the latest request to the site ended (or started, while one is in
-- flight): the next waits the crawl's delay after it, whichever worker sends it. robots.txt is fetched once per crawl
-- and kept here for every slice.
ALTER TABLE crawl_sites ADD COLUMN settings TEXT;            -- JSON: the crawl's options (max_pages, max_depth, delay_ms)
ALTER TABLE crawl_sites ADD COLUMN fetched INTEGER NOT NULL DEFAULT 0; -- URLs fetched since started_at
ALTER TABLE crawl_sites ADD COLUMN robots_status INTEGER;    -- HTTP status of robots.txt; 0 unreachable; NULL not fetched yet
ALTER TABLE crawl_sites ADD COLUMN robots_txt TEXT;
ALTER TABLE crawl_sites ADD COLUMN lease_token TEXT;
ALTER TABLE crawl_sites ADD COLUMN lease_holder TEXT;        -- host/pid of the worker holding the site
ALTER TABLE crawl_sites ADD COLUMN lease_job TEXT;
ALTER TABLE crawl_sites ADD COLUMN lease_until TEXT;
ALTER TABLE crawl_sites ADD COLUMN last_request_at TEXT;

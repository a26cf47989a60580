-- 0004: (1) a document one of whose later stages broke (table mapping, sections, facts, checks, OCR) is stored as
-- 'partial': what the other stages read is kept and queryable, error_reason names the stage (facts_failed…) and
-- error_message why. (2) ingest runs claim a document before reading it, so two runs on one store do not both read it.
--
-- SQLite cannot change a CHECK constraint in place: documents is rebuilt (SQLite's documented 12-step way). The
-- migration runner turns foreign keys off around every script and runs PRAGMA foreign_key_check before committing,
-- so the child tables are neither cascaded away by the DROP nor left pointing at nothing.

DROP VIEW crawled_documents;

CREATE TABLE documents_new (
    sha256            TEXT PRIMARY KEY,
    source            TEXT NOT NULL,
    found_on          TEXT,
    link_text         TEXT,
    media_type        TEXT,
    kind              TEXT,
    scope             TEXT,
    agency            TEXT,
    fiscal_year       INTEGER,
    published_on      TEXT,
    unit              TEXT,
    pages             INTEGER,
    size_bytes        INTEGER,
    status            TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
    error_reason      TEXT,                     -- failed: not_a_pdf, encrypted, timeout…; partial: facts_failed, ocr_unavailable…
    error_message     TEXT,
    evidence          TEXT,
    warnings          TEXT,
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,
    duration_ms       INTEGER
);
INSERT INTO documents_new (sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on,
    unit, pages, size_bytes, status, error_reason, error_message, evidence, warnings, extractor_version, ingested_at, duration_ms)
SELECT sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on,
    unit, pages, size_bytes, status, error_reason, error_message, evidence, warnings, extractor_version, ingested_at, duration_ms
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_agency_year ON documents (agency, fiscal_year);

CREATE VIEW crawled_documents AS
SELECT d.sha256, u.url, u.final_url, u.found_on, u.link_text, u.etag, u.last_modified, u.http_date, u.fetched_at,
       d.media_type, d.kind, d.agency, d.fiscal_year, d.status, d.error_reason
FROM crawl_urls u JOIN documents d ON d.sha256 = u.document;

-- An ingest run that is (or was) working on the store. Its claims hold while it is alive: the same host and a
-- running process with that pid and start time, or, from another host, a heartbeat newer than the staleness limit.
CREATE TABLE ingest_runs (
    run_id            TEXT PRIMARY KEY,
    host              TEXT NOT NULL,
    pid               INTEGER NOT NULL,
    process_started   TEXT NOT NULL,            -- the process's start time (a reused pid is another process)
    started_at        TEXT NOT NULL,
    heartbeat_at      TEXT NOT NULL
);

-- A document (by sha256) a run is reading; deleted once it is stored (ok, partial or failed) or the run ends.
CREATE TABLE ingest_claims (
    sha256            TEXT PRIMARY KEY,
    run_id            TEXT NOT NULL,
    claimed_at        TEXT NOT NULL
);
CREATE INDEX ingest_claims_run ON ingest_claims (run_id);

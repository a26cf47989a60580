-- 0001: documents and everything read from them. Money is TEXT holding an exact decimal ("6.18"), never REAL.
-- Every child row names its document (sha256) and the extractor version that read it; deleting a document
-- (to retry a failed one) cascades.

CREATE TABLE documents (
    sha256            TEXT PRIMARY KEY,
    source            TEXT NOT NULL,            -- file path as given, or URL
    found_on          TEXT,                     -- the page that linked it (crawled files)
    link_text         TEXT,                     -- the link's text on that page
    media_type        TEXT,
    kind              TEXT,                     -- final_account | budget | performance_evaluation | unknown
    scope             TEXT,                     -- department | unit | unknown
    agency            TEXT,
    fiscal_year       INTEGER,
    published_on      TEXT,
    unit              TEXT,
    pages             INTEGER,
    size_bytes        INTEGER,
    status            TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error_reason      TEXT,                     -- not_a_pdf, encrypted, truncated, empty, timeout, …
    error_message     TEXT,
    evidence          TEXT,                     -- JSON: field → {text, page}
    warnings          TEXT,                     -- JSON array of strings
    extractor_version TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,            -- ISO 8601 UTC
    duration_ms       INTEGER
);
CREATE INDEX documents_agency_year ON documents (agency, fiscal_year);

CREATE TABLE sections (
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,
    id                TEXT NOT NULL,
    heading           TEXT NOT NULL,
    level             INTEGER,
    page              INTEGER,
    page_end          INTEGER,
    confidence        REAL,
    text              TEXT,
    extractor_version TEXT NOT NULL,
    PRIMARY KEY (document, ord)
);

CREATE TABLE tables (
    table_key         INTEGER PRIMARY KEY,
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,
    id                TEXT NOT NULL,
    title             TEXT,
    page_start        INTEGER,
    page_end          INTEGER,
    unit              TEXT,
    columns           TEXT NOT NULL,            -- JSON array of column names
    bbox              TEXT,                     -- JSON [x0, y0, x1, y1]
    method            TEXT,
    extractor_version TEXT NOT NULL,
    UNIQUE (document, ord)
);

CREATE TABLE table_rows (
    row_key           INTEGER PRIMARY KEY,
    table_key         INTEGER NOT NULL REFERENCES tables (table_key) ON DELETE CASCADE,
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,
    code              TEXT,
    label             TEXT NOT NULL,
    level             INTEGER,
    side              TEXT,
    grp               TEXT,
    page              INTEGER,
    bbox              TEXT,
    path              TEXT,
    printed           TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX table_rows_table ON table_rows (table_key);
CREATE INDEX table_rows_document ON table_rows (document);

CREATE TABLE cells (
    row_key           INTEGER NOT NULL REFERENCES table_rows (row_key) ON DELETE CASCADE,
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    column_name       TEXT NOT NULL,
    value             TEXT NOT NULL,            -- exact decimal
    PRIMARY KEY (row_key, column_name)
);
CREATE INDEX cells_document ON cells (document);

CREATE TABLE facts (
    fact_key          INTEGER PRIMARY KEY,
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,
    key               TEXT NOT NULL,
    value             TEXT NOT NULL,            -- exact decimal
    unit              TEXT,
    page              INTEGER,
    bbox              TEXT,
    path              TEXT,
    printed           TEXT,
    printed_unit      TEXT,
    table_id          TEXT,
    provenance_kind   TEXT,                     -- table | text | …
    confidence        REAL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX facts_key ON facts (key);
CREATE INDEX facts_document ON facts (document);

CREATE TABLE checks (
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    ord               INTEGER NOT NULL,
    rule              TEXT NOT NULL,
    status            TEXT NOT NULL,
    expected          TEXT,                     -- exact decimal
    actual            TEXT,
    tolerance         TEXT,
    message           TEXT,
    evidence          TEXT,                     -- JSON array of provenance objects
    extractor_version TEXT NOT NULL,
    PRIMARY KEY (document, ord)
);

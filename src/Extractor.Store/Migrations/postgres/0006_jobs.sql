-- 0006 (PostgreSQL): document claims and crawl-site leases, as the SQLite script. Times are timestamptz and compared
-- with the database's clock, so machines whose clocks differ still agree on who holds what.
CREATE TABLE document_claims (
    sha256            text COLLATE "C" PRIMARY KEY,
    token             text NOT NULL,
    holder            text NOT NULL,
    job               text,
    source            text,
    claimed_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);

ALTER TABLE crawl_sites
    ADD COLUMN settings jsonb,
    ADD COLUMN fetched integer NOT NULL DEFAULT 0,
    ADD COLUMN robots_status integer,
    ADD COLUMN robots_txt text,
    ADD COLUMN lease_token text,
    ADD COLUMN lease_holder text,
    ADD COLUMN lease_job text,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN last_request_at timestamptz;

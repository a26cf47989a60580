-- 0004 (PostgreSQL): as the SQLite script. (1) A document one of whose later stages broke is stored as 'partial', with
-- error_reason naming the stage. PostgreSQL changes the CHECK constraint in place (SQLite rebuilds the table).
-- (2) ingest runs claim a document before reading it, so two runs on one store do not both read it. Their times are
-- ISO 8601 UTC text, as in SQLite: a run's liveness is judged by the ingest process itself (its host and pid, or its
-- heartbeat), never by the database's clock.

ALTER TABLE documents DROP CONSTRAINT documents_status_check;
ALTER TABLE documents ADD CONSTRAINT documents_status_check CHECK (status IN ('ok', 'partial', 'failed'));

CREATE TABLE ingest_runs (
    run_id            text PRIMARY KEY,
    host              text NOT NULL,
    pid               bigint NOT NULL,
    process_started   text NOT NULL,            -- the process's start time (a reused pid is another process)
    started_at        text NOT NULL,
    heartbeat_at      text NOT NULL
);

CREATE TABLE ingest_claims (
    sha256            text COLLATE "C" PRIMARY KEY,
    run_id            text NOT NULL,
    claimed_at        text NOT NULL
);
CREATE INDEX ingest_claims_run ON ingest_claims (run_id);

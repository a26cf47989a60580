-- 0005 (PostgreSQL): performance forms' words beside their figures, as the SQLite script: text_cells holds an
-- indicator's levels, its target as printed (≥95%), what was achieved; each keeps its box; a row keeps its roles.

ALTER TABLE table_rows ADD COLUMN roles jsonb;          -- e.g. ["indicator"]

CREATE TABLE text_cells (
    -- Insertion order within a row, named as SQLite's implicit column so that one query orders them in both stores.
    rowid             bigint GENERATED ALWAYS AS IDENTITY,
    row_key           bigint NOT NULL REFERENCES table_rows (row_key) ON DELETE CASCADE,
    document          text COLLATE "C" NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    column_name       text COLLATE "C" NOT NULL,
    text              text NOT NULL,
    bbox              jsonb,
    PRIMARY KEY (row_key, column_name)
);
CREATE INDEX text_cells_document ON text_cells (document);

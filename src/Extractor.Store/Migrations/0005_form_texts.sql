-- 0005: performance forms (绩效目标表, 绩效自评表) print words as well as figures: an indicator's levels, its target as
-- printed (≥95%), what was achieved, why it fell short. text_cells keeps them beside the figures of cells; each word cell
-- keeps where it is printed (bbox, JSON [x0, y0, x1, y1]); a row keeps its roles (project, indicator, total…).

ALTER TABLE table_rows ADD COLUMN roles TEXT;          -- JSON array, e.g. ["indicator"]

CREATE TABLE text_cells (
    row_key           INTEGER NOT NULL REFERENCES table_rows (row_key) ON DELETE CASCADE,
    document          TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    column_name       TEXT NOT NULL,
    text              TEXT NOT NULL,
    bbox              TEXT,
    PRIMARY KEY (row_key, column_name)
);
CREATE INDEX text_cells_document ON text_cells (document);

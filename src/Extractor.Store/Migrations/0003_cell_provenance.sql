-- 0003: each cell keeps where its figure was printed: the box of the printed text (PDF points, origin bottom-left) or
-- the cell's element path (web pages, Office files). A fact read from a table points at its cell, not its row.
-- Rows stored before this migration keep null here; readers fall back to the row's bbox.

ALTER TABLE cells ADD COLUMN bbox TEXT;   -- JSON [x0, y0, x1, y1]
ALTER TABLE cells ADD COLUMN path TEXT;

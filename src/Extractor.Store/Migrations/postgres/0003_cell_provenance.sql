-- 0003 (PostgreSQL): each cell keeps where its figure was printed, as the SQLite script: the box of the printed text
-- (PDF points, origin bottom-left) or the cell's element path (web pages, Office files). Rows stored before keep null.

ALTER TABLE cells ADD COLUMN bbox jsonb;   -- [x0, y0, x1, y1]
ALTER TABLE cells ADD COLUMN path text;

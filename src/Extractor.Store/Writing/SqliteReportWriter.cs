using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extractor.Store.Writing;

/// <summary>Writes one document's rows into SQLite in the caller's transaction. Money is TEXT holding the exact decimal.</summary>
internal static partial class SqliteReportWriter
{
    public static void Write(SqliteConnection db, SqliteTransaction tx, StoredRows rows)
    {
        InsertDocument(db, tx, rows.Document);
        var sha256 = rows.Document.Sha256;
        var version = rows.Document.ExtractorVersion;
        db.Execute("""
            INSERT INTO sections (document, ord, id, heading, level, page, page_end, confidence, text, extractor_version)
            VALUES (@sha256, @Ord, @Id, @Heading, @Level, @Page, @PageEnd, @Confidence, @Text, @version)
            """,
            rows.Sections.Select(s => new { sha256, s.Ord, s.Id, s.Heading, s.Level, s.Page, s.PageEnd, s.Confidence, s.Text, version }), tx);

        // Rows and cells are most of a document's rows: one prepared statement each, rebound per row.
        using var insertTable = Prepare(db, tx, """
            INSERT INTO tables (document, ord, id, title, page_start, page_end, unit, columns, bbox, method, extractor_version)
            VALUES (@document, @ord, @id, @title, @page_start, @page_end, @unit, @columns, @bbox, @method, @extractor_version)
            RETURNING table_key
            """);
        using var insertRow = Prepare(db, tx, """
            INSERT INTO table_rows (table_key, document, ord, code, label, level, side, grp, page, bbox, path, printed, extractor_version, roles)
            VALUES (@table_key, @document, @ord, @code, @label, @level, @side, @grp, @page, @bbox, @path, @printed, @extractor_version, @roles)
            RETURNING row_key
            """);
        using var insertCell = Prepare(db, tx, """
            INSERT INTO cells (row_key, document, column_name, value, bbox, path) VALUES (@row_key, @document, @column_name, @value, @bbox, @path)
            """);
        using var insertText = Prepare(db, tx, """
            INSERT INTO text_cells (row_key, document, column_name, text, bbox) VALUES (@row_key, @document, @column_name, @text, @bbox)
            """);
        var tableKeys = rows.Tables.Select(t =>
            Run(insertTable, sha256, t.Ord, t.Id, t.Title, t.PageStart, t.PageEnd, t.Unit, t.Columns, t.Bbox, t.Method, version)).ToList();
        var cell = 0;
        var text = 0;
        for (var i = 0; i < rows.Rows.Count; i++)
        {
            var r = rows.Rows[i];
            var rowKey = Run(insertRow, tableKeys[r.Table], sha256, r.Ord, r.Code, r.Label, r.Level, r.Side, r.Group, r.Page,
                r.Bbox, r.Path, r.Printed, version, r.Roles);
            for (; cell < rows.Cells.Count && rows.Cells[cell].Row == i; cell++)
            {
                var c = rows.Cells[cell];
                Run(insertCell, rowKey, sha256, c.Column, StoredRows.Dec(c.Value), c.Bbox, c.Path);
            }
            for (; text < rows.TextCells.Count && rows.TextCells[text].Row == i; text++)
            {
                var w = rows.TextCells[text];
                Run(insertText, rowKey, sha256, w.Column, w.Text, w.Bbox);
            }
        }

        db.Execute("""
            INSERT INTO facts (document, ord, key, value, unit, page, bbox, path, printed, printed_unit, table_id,
                provenance_kind, confidence, extractor_version)
            VALUES (@sha256, @Ord, @Key, @value, @Unit, @Page, @Bbox, @Path, @Printed, @PrintedUnit, @Table,
                @Kind, @Confidence, @version)
            """,
            rows.Facts.Select(f => new
            {
                sha256, f.Ord, f.Key, value = StoredRows.Dec(f.Value), f.Unit, f.Page, f.Bbox, f.Path, f.Printed, f.PrintedUnit,
                f.Table, f.Kind, f.Confidence, version,
            }), tx);

        db.Execute("""
            INSERT INTO checks (document, ord, rule, status, expected, actual, tolerance, message, evidence, extractor_version)
            VALUES (@sha256, @Ord, @Rule, @Status, @expected, @actual, @tolerance, @Message, @Evidence, @version)
            """,
            rows.Checks.Select(c => new
            {
                sha256, c.Ord, c.Rule, c.Status, expected = StoredRows.Dec(c.Expected), actual = StoredRows.Dec(c.Actual),
                tolerance = StoredRows.Dec(c.Tolerance), c.Message, c.Evidence, version,
            }), tx);
    }

    public static void InsertDocument(SqliteConnection db, SqliteTransaction tx, DocumentRow d) =>
        db.Execute("""
            INSERT INTO documents (sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year,
                published_on, unit, pages, size_bytes, status, error_reason, error_message, evidence, warnings,
                extractor_version, ingested_at, duration_ms)
            VALUES (@Sha256, @Source, @FoundOn, @LinkText, @MediaType, @Kind, @Scope, @Agency, @FiscalYear,
                @PublishedOn, @Unit, @Pages, @SizeBytes, @Status, @ErrorReason, @ErrorMessage, @Evidence, @Warnings,
                @ExtractorVersion, @at, @DurationMs)
            """,
            new
            {
                d.Sha256, d.Source, d.FoundOn, d.LinkText, d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear,
                d.PublishedOn, d.Unit, d.Pages, d.SizeBytes, d.Status, d.ErrorReason, d.ErrorMessage, d.Evidence, d.Warnings,
                d.ExtractorVersion, at = StoreClock.Text(d.IngestedAt), d.DurationMs,
            }, tx);

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    /// <summary>A statement prepared once per document; its parameters, in the order they appear in the SQL, are rebound by <see cref="Run"/>.</summary>
    private static SqliteCommand Prepare(SqliteConnection db, SqliteTransaction tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (Match m in Parameter().Matches(sql))
            cmd.Parameters.Add(new SqliteParameter(m.Value, DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    private static object? Run(SqliteCommand cmd, params object?[] values)
    {
        if (values.Length != cmd.Parameters.Count) throw new ArgumentException($"{values.Length} values for {cmd.Parameters.Count} parameters");
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        return cmd.ExecuteScalar();
    }
}

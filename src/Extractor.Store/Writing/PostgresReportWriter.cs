using System.Data;
using Dapper;

namespace Extractor.Store.Writing;

/// <summary>
/// Writes one document's rows into PostgreSQL in the caller's transaction, in two round trips whatever the document's
/// size: the table and row keys are drawn from their sequences first, then every table is filled by one
/// INSERT … SELECT FROM unnest(arrays) in a single command. Money goes in as numeric (scale kept), JSON as jsonb.
/// </summary>
internal static class PostgresReportWriter
{
    public static void Write(IDbConnection db, IDbTransaction tx, StoredRows rows)
    {
        var keys = db.QuerySingle<(long[] Tables, long[] Rows)>("""
            SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('tables', 'table_key')) FROM generate_series(1, @tables)),
                   ARRAY(SELECT nextval(pg_get_serial_sequence('table_rows', 'row_key')) FROM generate_series(1, @rows))
            """, new { tables = rows.Tables.Count, rows = rows.Rows.Count }, tx);
        var d = rows.Document;
        var s = rows.Sections;
        var t = rows.Tables;
        var r = rows.Rows;
        var c = rows.Cells;
        var w = rows.TextCells;
        var f = rows.Facts;
        var k = rows.Checks;
        db.Execute(InsertDocumentSql + """

            INSERT INTO sections (document, ord, id, heading, level, page, page_end, confidence, text, extractor_version)
            SELECT @Sha256, x.ord, x.id, x.heading, x.level, x.page, x.page_end, x.confidence, x.text, @ExtractorVersion
            FROM unnest(@s_ord::integer[], @s_id::text[], @s_heading::text[], @s_level::integer[], @s_page::integer[],
                        @s_page_end::integer[], @s_confidence::double precision[], @s_text::text[])
                 AS x (ord, id, heading, level, page, page_end, confidence, text);

            INSERT INTO tables (table_key, document, ord, id, title, page_start, page_end, unit, columns, bbox, method, extractor_version)
            SELECT x.key, @Sha256, x.ord, x.id, x.title, x.page_start, x.page_end, x.unit, x.columns::jsonb, x.bbox::jsonb, x.method, @ExtractorVersion
            FROM unnest(@t_key::bigint[], @t_ord::integer[], @t_id::text[], @t_title::text[], @t_page_start::integer[],
                        @t_page_end::integer[], @t_unit::text[], @t_columns::text[], @t_bbox::text[], @t_method::text[])
                 AS x (key, ord, id, title, page_start, page_end, unit, columns, bbox, method);

            INSERT INTO table_rows (row_key, table_key, document, ord, code, label, level, side, grp, page, bbox, path, printed, extractor_version, roles)
            SELECT x.key, x.table_key, @Sha256, x.ord, x.code, x.label, x.level, x.side, x.grp, x.page, x.bbox::jsonb, x.path, x.printed, @ExtractorVersion,
                   x.roles::jsonb
            FROM unnest(@r_key::bigint[], @r_table::bigint[], @r_ord::integer[], @r_code::text[], @r_label::text[],
                        @r_level::integer[], @r_side::text[], @r_grp::text[], @r_page::integer[], @r_bbox::text[],
                        @r_path::text[], @r_printed::text[], @r_roles::text[])
                 AS x (key, table_key, ord, code, label, level, side, grp, page, bbox, path, printed, roles);

            INSERT INTO cells (row_key, document, column_name, value, bbox, path)
            SELECT x.row_key, @Sha256, x.column_name, x.value, x.bbox::jsonb, x.path
            FROM unnest(@c_row::bigint[], @c_column::text[], @c_value::numeric[], @c_bbox::text[], @c_path::text[])
                 WITH ORDINALITY AS x (row_key, column_name, value, bbox, path, n)
            ORDER BY x.n;

            INSERT INTO text_cells (row_key, document, column_name, text, bbox)
            SELECT x.row_key, @Sha256, x.column_name, x.text, x.bbox::jsonb
            FROM unnest(@w_row::bigint[], @w_column::text[], @w_text::text[], @w_bbox::text[])
                 WITH ORDINALITY AS x (row_key, column_name, text, bbox, n)
            ORDER BY x.n;

            INSERT INTO facts (document, ord, key, value, unit, page, bbox, path, printed, printed_unit, table_id,
                provenance_kind, confidence, extractor_version)
            SELECT @Sha256, x.ord, x.key, x.value, x.unit, x.page, x.bbox::jsonb, x.path, x.printed, x.printed_unit, x.table_id,
                   x.kind, x.confidence, @ExtractorVersion
            FROM unnest(@f_ord::integer[], @f_key::text[], @f_value::numeric[], @f_unit::text[], @f_page::integer[],
                        @f_bbox::text[], @f_path::text[], @f_printed::text[], @f_printed_unit::text[], @f_table::text[],
                        @f_kind::text[], @f_confidence::double precision[])
                 AS x (ord, key, value, unit, page, bbox, path, printed, printed_unit, table_id, kind, confidence);

            INSERT INTO checks (document, ord, rule, status, expected, actual, tolerance, message, evidence, extractor_version)
            SELECT @Sha256, x.ord, x.rule, x.status, x.expected, x.actual, x.tolerance, x.message, x.evidence::jsonb, @ExtractorVersion
            FROM unnest(@k_ord::integer[], @k_rule::text[], @k_status::text[], @k_expected::numeric[], @k_actual::numeric[],
                        @k_tolerance::numeric[], @k_message::text[], @k_evidence::text[])
                 AS x (ord, rule, status, expected, actual, tolerance, message, evidence);
            """,
            new
            {
                d.Sha256, d.Source, d.FoundOn, d.LinkText, d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear,
                d.PublishedOn, d.Unit, d.Pages, d.SizeBytes, d.Status, d.ErrorReason, d.ErrorMessage, d.Evidence, d.Warnings,
                d.ExtractorVersion, d.IngestedAt, d.DurationMs,
                s_ord = s.Select(x => x.Ord).ToArray(), s_id = s.Select(x => x.Id).ToArray(), s_heading = s.Select(x => x.Heading).ToArray(),
                s_level = s.Select(x => x.Level).ToArray(), s_page = s.Select(x => x.Page).ToArray(),
                s_page_end = s.Select(x => x.PageEnd).ToArray(), s_confidence = s.Select(x => x.Confidence).ToArray(),
                s_text = s.Select(x => x.Text).ToArray(),
                t_key = keys.Tables, t_ord = t.Select(x => x.Ord).ToArray(), t_id = t.Select(x => x.Id).ToArray(),
                t_title = t.Select(x => x.Title).ToArray(), t_page_start = t.Select(x => x.PageStart).ToArray(),
                t_page_end = t.Select(x => x.PageEnd).ToArray(), t_unit = t.Select(x => x.Unit).ToArray(),
                t_columns = t.Select(x => x.Columns).ToArray(), t_bbox = t.Select(x => x.Bbox).ToArray(),
                t_method = t.Select(x => x.Method).ToArray(),
                r_key = keys.Rows, r_table = r.Select(x => keys.Tables[x.Table]).ToArray(), r_ord = r.Select(x => x.Ord).ToArray(),
                r_code = r.Select(x => x.Code).ToArray(), r_label = r.Select(x => x.Label).ToArray(),
                r_level = r.Select(x => x.Level).ToArray(), r_side = r.Select(x => x.Side).ToArray(),
                r_grp = r.Select(x => x.Group).ToArray(), r_page = r.Select(x => x.Page).ToArray(),
                r_bbox = r.Select(x => x.Bbox).ToArray(), r_path = r.Select(x => x.Path).ToArray(),
                r_printed = r.Select(x => x.Printed).ToArray(), r_roles = r.Select(x => x.Roles).ToArray(),
                c_row = c.Select(x => keys.Rows[x.Row]).ToArray(), c_column = c.Select(x => x.Column).ToArray(),
                c_value = c.Select(x => x.Value).ToArray(), c_bbox = c.Select(x => x.Bbox).ToArray(), c_path = c.Select(x => x.Path).ToArray(),
                w_row = w.Select(x => keys.Rows[x.Row]).ToArray(), w_column = w.Select(x => x.Column).ToArray(),
                w_text = w.Select(x => x.Text).ToArray(), w_bbox = w.Select(x => x.Bbox).ToArray(),
                f_ord = f.Select(x => x.Ord).ToArray(), f_key = f.Select(x => x.Key).ToArray(), f_value = f.Select(x => x.Value).ToArray(),
                f_unit = f.Select(x => x.Unit).ToArray(), f_page = f.Select(x => x.Page).ToArray(), f_bbox = f.Select(x => x.Bbox).ToArray(),
                f_path = f.Select(x => x.Path).ToArray(), f_printed = f.Select(x => x.Printed).ToArray(),
                f_printed_unit = f.Select(x => x.PrintedUnit).ToArray(), f_table = f.Select(x => x.Table).ToArray(),
                f_kind = f.Select(x => x.Kind).ToArray(), f_confidence = f.Select(x => x.Confidence).ToArray(),
                k_ord = k.Select(x => x.Ord).ToArray(), k_rule = k.Select(x => x.Rule).ToArray(), k_status = k.Select(x => x.Status).ToArray(),
                k_expected = k.Select(x => x.Expected).ToArray(), k_actual = k.Select(x => x.Actual).ToArray(),
                k_tolerance = k.Select(x => x.Tolerance).ToArray(), k_message = k.Select(x => x.Message).ToArray(),
                k_evidence = k.Select(x => x.Evidence).ToArray(),
            }, tx);
    }

    public static void InsertDocument(IDbConnection db, IDbTransaction tx, DocumentRow d) =>
        db.Execute(InsertDocumentSql,
            new
            {
                d.Sha256, d.Source, d.FoundOn, d.LinkText, d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear,
                d.PublishedOn, d.Unit, d.Pages, d.SizeBytes, d.Status, d.ErrorReason, d.ErrorMessage, d.Evidence, d.Warnings,
                d.ExtractorVersion, d.IngestedAt, d.DurationMs,
            }, tx);

    private const string InsertDocumentSql = """
        INSERT INTO documents (sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year,
            published_on, unit, pages, size_bytes, status, error_reason, error_message, evidence, warnings,
            extractor_version, ingested_at, duration_ms)
        VALUES (@Sha256, @Source, @FoundOn, @LinkText, @MediaType, @Kind, @Scope, @Agency, @FiscalYear,
            @PublishedOn, @Unit, @Pages, @SizeBytes, @Status, @ErrorReason, @ErrorMessage, @Evidence::jsonb, @Warnings::jsonb,
            @ExtractorVersion, @IngestedAt, @DurationMs);
        """;
}

using System.Data;

namespace Extractor.Store.Queries;

/// <summary>How an exported column is typed: text; integer; real (floating point: confidence); money (an exact
/// decimal, stored as TEXT); json (a JSON array or object kept as its text).</summary>
public enum ExportType { Text, Integer, Real, Money, Json }

public sealed record ExportColumn(string Name, ExportType Type);

/// <summary>One exported file: a stable name, stable columns in a stable order, rows in a stable order.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, string Sql);

/// <summary>
/// What `extractor export` writes: the whole store as eight files. Column lists are explicit (never SELECT *) so a
/// later migration adding a column does not change an export; a new column is added at the end.
/// </summary>
public static class ExportQueries
{
    private static ExportColumn T(string n) => new(n, ExportType.Text);
    private static ExportColumn I(string n) => new(n, ExportType.Integer);
    private static ExportColumn R(string n) => new(n, ExportType.Real);
    private static ExportColumn M(string n) => new(n, ExportType.Money);
    private static ExportColumn J(string n) => new(n, ExportType.Json);

    public static readonly IReadOnlyList<ExportTable> Tables =
    [
        new("documents",
            [T("sha256"), T("source"), T("found_on"), T("link_text"), T("media_type"), T("kind"), T("scope"), T("agency"),
             I("fiscal_year"), T("published_on"), T("unit"), I("pages"), I("size_bytes"), T("status"), T("error_reason"),
             T("error_message"), J("evidence"), J("warnings"), T("extractor_version"), T("ingested_at"), I("duration_ms")],
            """
            SELECT sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on, unit,
                   pages, size_bytes, status, error_reason, error_message, evidence, warnings, extractor_version,
                   ingested_at, duration_ms
            FROM documents ORDER BY sha256
            """),
        new("sections",
            [T("document"), I("ord"), T("id"), T("heading"), I("level"), I("page"), I("page_end"), R("confidence"),
             T("text"), T("extractor_version")],
            """
            SELECT document, ord, id, heading, level, page, page_end, confidence, text, extractor_version
            FROM sections ORDER BY document, ord
            """),
        new("tables",
            [T("document"), I("table_key"), I("ord"), T("id"), T("title"), I("page_start"), I("page_end"), T("unit"),
             J("columns"), J("bbox"), T("method"), T("extractor_version")],
            """
            SELECT document, table_key, ord, id, title, page_start, page_end, unit, columns, bbox, method, extractor_version
            FROM tables ORDER BY document, ord
            """),
        new("rows",
            [T("document"), I("table_key"), T("table_id"), I("row_key"), I("ord"), T("code"), T("label"), I("level"),
             T("side"), T("group"), I("page"), J("bbox"), T("path"), T("printed"), T("extractor_version"), J("roles")],
            """
            SELECT r.document, r.table_key, t.id, r.row_key, r.ord, r.code, r.label, r.level, r.side, r.grp, r.page,
                   r.bbox, r.path, r.printed, r.extractor_version, r.roles
            FROM table_rows r JOIN tables t ON t.table_key = r.table_key
            ORDER BY r.document, t.ord, r.ord
            """),
        new("cells",
            [T("document"), I("table_key"), T("table_id"), I("row_key"), I("row_ord"), T("code"), T("label"), T("side"),
             T("group"), T("column"), M("value"), T("unit"), I("page"), J("bbox"), T("path")],
            """
            SELECT c.document, r.table_key, t.id, c.row_key, r.ord, r.code, r.label, r.side, r.grp, c.column_name,
                   c.value, t.unit, r.page, coalesce(c.bbox, r.bbox), coalesce(c.path, r.path)
            FROM cells c JOIN table_rows r ON r.row_key = c.row_key JOIN tables t ON t.table_key = r.table_key
            ORDER BY c.document, t.ord, r.ord, c.rowid
            """),
        // Cells printed as words (performance forms: an indicator's levels, its target as printed, 偏差原因…).
        new("text_cells",
            [T("document"), I("table_key"), T("table_id"), I("row_key"), I("row_ord"), T("label"), J("roles"), T("column"),
             T("text"), I("page"), J("bbox"), J("cell_bbox")],
            """
            SELECT x.document, r.table_key, t.id, x.row_key, r.ord, r.label, r.roles, x.column_name, x.text, r.page, r.bbox, x.bbox AS cell_bbox
            FROM text_cells x JOIN table_rows r ON r.row_key = x.row_key JOIN tables t ON t.table_key = r.table_key
            ORDER BY x.document, t.ord, r.ord, x.rowid
            """),
        new("facts",
            [T("document"), I("ord"), T("agency"), I("fiscal_year"), T("kind"), T("key"), M("value"), T("unit"),
             T("provenance_kind"), T("table_id"), I("page"), J("bbox"), T("path"), T("printed"), T("printed_unit"),
             R("confidence"), T("extractor_version")],
            """
            SELECT f.document, f.ord, d.agency, d.fiscal_year, d.kind, f.key, f.value, f.unit, f.provenance_kind,
                   f.table_id, f.page, f.bbox, f.path, f.printed, f.printed_unit, f.confidence, f.extractor_version
            FROM facts f JOIN documents d ON d.sha256 = f.document
            ORDER BY f.document, f.ord
            """),
        new("checks",
            [T("document"), I("ord"), T("rule"), T("status"), M("expected"), M("actual"), M("tolerance"), T("message"),
             J("evidence"), T("extractor_version")],
            """
            SELECT document, ord, rule, status, expected, actual, tolerance, message, evidence, extractor_version
            FROM checks ORDER BY document, ord
            """),
    ];

    /// <summary>Streams one export table's rows (columns in <see cref="ExportTable.Columns"/> order).</summary>
    public static IDataReader Read(this ExtractorStore store, ExportTable table)
    {
        var cmd = store.Connection.CreateCommand();
        cmd.CommandText = table.Sql;
        return cmd.ExecuteReader(CommandBehavior.SequentialAccess);
    }
}

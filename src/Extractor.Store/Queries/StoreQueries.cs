using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Extractor.Store.Queries;

/// <summary>One row of `extractor compare`: a document holding fact K, with the same agency's figure for the year before.</summary>
public sealed record CompareRow
{
    public string Sha256 { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Agency { get; init; }
    public int? FiscalYear { get; init; }
    public string? Kind { get; init; }
    public string? Scope { get; init; }
    public string Key { get; init; } = "";
    public decimal Value { get; init; }
    public string? Unit { get; init; }
    public int? Page { get; init; }
    /// <summary>The prior year's figure: from the same agency's stored document of year − 1 (same kind), else the
    /// figure this document quotes for the prior year (fact K.prior_year); null when neither is known.</summary>
    public decimal? PriorValue { get; init; }
    /// <summary>"store" (another stored document), "document" (this document's own K.prior_year) or null.</summary>
    public string? PriorSource { get; init; }
    public string? PriorSha256 { get; init; }
    public decimal? Change => PriorValue is { } p ? Value - p : null;
    /// <summary>Change in percent of the prior value, rounded to 0.01; null when the prior is unknown or zero.</summary>
    public decimal? ChangePercent => PriorValue is { } p && p != 0 ? Math.Round((Value - p) / p * 100m, 2, MidpointRounding.AwayFromZero) + 0.00m : null;
}

/// <summary>A document with everything read from it, for `extractor serve`.</summary>
public sealed record DocumentDetail(
    DocumentRecord Document, long? SizeBytes, string? Warnings,
    IReadOnlyList<SectionRecord> Sections, IReadOnlyList<TableRecord> Tables, IReadOnlyList<FactRecord> Facts,
    IReadOnlyList<CheckRecord> Checks);

public sealed class SectionRecord
{
    public int Ord { get; init; }
    public string Id { get; init; } = "";
    public string Heading { get; init; } = "";
    public int? Level { get; init; }
    public int? Page { get; init; }
    public int? PageEnd { get; init; }
    public double? Confidence { get; init; }
}

public sealed record TableRecord(
    long TableKey, int Ord, string Id, string? Title, int? PageStart, int? PageEnd, string? Unit,
    IReadOnlyList<string> Columns, double[]? Bbox, string? Method, IReadOnlyList<RowRecord> Rows);

public sealed record RowRecord(
    int Ord, string? Code, string Label, int? Level, string? Side, string? Group, int? Page, double[]? Bbox, string? Path,
    IReadOnlyDictionary<string, decimal> Values);

public sealed record CheckRecord(
    int Ord, string Rule, string Status, decimal? Expected, decimal? Actual, decimal? Tolerance, string? Message,
    JsonElement? Evidence);

/// <summary>A fact key with how many documents hold it (the chart's key picker).</summary>
public sealed class KeyCount
{
    public string Key { get; init; } = "";
    public long Documents { get; init; }
}

/// <summary>Read-only queries for compare, export and serve. Kept apart from the writer's code (ExtractorStore.cs).</summary>
public static class StoreQueries
{
    /// <summary>
    /// Every ok document holding fact <paramref name="key"/> (one row per document: its first fact of that key),
    /// filtered by fiscal year and agency substring, ordered by agency then year. The prior year is the same agency's
    /// stored document of year − 1 and the same kind (a budget is compared with a budget, a final account with a final
    /// account); several candidates: the most recently published, then the lowest sha256. Without one, the document's
    /// own K.prior_year fact (上年数) is used.
    /// </summary>
    public static IReadOnlyList<CompareRow> Compare(this ExtractorStore store, string key, int? year = null, string? agency = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var rows = store.Connection.Query<CompareSql>("""
            WITH first AS (
                SELECT f.document, f.value, f.unit, f.page,
                       row_number() OVER (PARTITION BY f.document ORDER BY f.ord) AS n
                FROM facts f WHERE f.key = @key
            ),
            held AS (
                SELECT d.sha256, d.source, d.agency, d.fiscal_year, d.kind, d.scope, d.published_on,
                       x.value, x.unit, x.page
                FROM first x JOIN documents d ON d.sha256 = x.document
                WHERE x.n = 1 AND d.status = 'ok'
            )
            SELECT h.sha256, h.source, h.agency, h.fiscal_year, h.kind, h.scope, h.value, h.unit, h.page,
                   (SELECT p.value FROM held p
                    WHERE p.agency = h.agency AND p.fiscal_year = h.fiscal_year - 1 AND (p.kind = h.kind OR p.kind IS NULL AND h.kind IS NULL)
                    ORDER BY p.published_on DESC NULLS LAST, p.sha256 LIMIT 1) AS prior_value,
                   (SELECT p.sha256 FROM held p
                    WHERE p.agency = h.agency AND p.fiscal_year = h.fiscal_year - 1 AND (p.kind = h.kind OR p.kind IS NULL AND h.kind IS NULL)
                    ORDER BY p.published_on DESC NULLS LAST, p.sha256 LIMIT 1) AS prior_sha256,
                   (SELECT q.value FROM facts q WHERE q.document = h.sha256 AND q.key = @priorKey
                    ORDER BY q.ord LIMIT 1) AS quoted_prior
            FROM held h
            WHERE (@year IS NULL OR h.fiscal_year = @year)
              AND (@agency IS NULL OR instr(h.agency, @agency) > 0)
            ORDER BY h.agency IS NULL, h.agency, h.fiscal_year NULLS FIRST, h.sha256
            """, new { key, priorKey = key + ".prior_year", year, agency });
        return rows.Select(r =>
        {
            var prior = Dec(r.PriorValue);
            var source = prior is not null ? "store" : null;
            if (prior is null && Dec(r.QuotedPrior) is { } quoted) { prior = quoted; source = "document"; }
            return new CompareRow
            {
                Sha256 = r.Sha256, Source = r.Source, Agency = r.Agency, FiscalYear = r.FiscalYear, Kind = r.Kind,
                Scope = r.Scope, Key = key, Value = Dec(r.Value) ?? 0, Unit = r.Unit, Page = r.Page,
                PriorValue = prior, PriorSource = source, PriorSha256 = source == "store" ? r.PriorSha256 : null,
            };
        }).ToList();
    }

    /// <summary>Fact keys held by ok documents, most common first.</summary>
    public static IReadOnlyList<KeyCount> FactKeys(this ExtractorStore store) =>
        store.Connection.Query<KeyCount>("""
            SELECT f.key AS Key, count(DISTINCT f.document) AS Documents
            FROM facts f JOIN documents d ON d.sha256 = f.document AND d.status = 'ok'
            GROUP BY f.key ORDER BY 2 DESC, 1
            """).ToList();

    /// <summary>One stored document (any status), or null.</summary>
    public static DocumentRecord? Document(this ExtractorStore store, string sha256) =>
        store.Connection.QuerySingleOrDefault<DocumentRecord>($"""
            SELECT sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on, unit,
                   pages, status, error_reason, error_message, extractor_version, {store.Dialect.TimeText("ingested_at")} AS ingested_at
            FROM documents WHERE sha256 = @sha256
            """, new { sha256 });

    /// <summary>A document with its sections (headings), tables (rows and cells), facts and checks; null when not stored.</summary>
    public static DocumentDetail? Detail(this ExtractorStore store, string sha256)
    {
        var db = store.Connection;
        var doc = store.Document(sha256);
        if (doc is null) return null;
        var extra = db.QuerySingle<(long?, string?)>("SELECT size_bytes, warnings FROM documents WHERE sha256 = @sha256", new { sha256 });
        var sections = db.Query<SectionRecord>("""
            SELECT ord, id, heading, level, page, page_end, confidence FROM sections WHERE document = @sha256 ORDER BY ord
            """, new { sha256 }).ToList();

        var cells = db.Query<(long RowKey, string Column, string Value)>("""
            SELECT c.row_key, c.column_name, c.value FROM cells c WHERE c.document = @sha256 ORDER BY c.row_key, c.rowid
            """, new { sha256 })
            .GroupBy(c => c.RowKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(c => c.Column, c => Dec(c.Value)!.Value));
        var rows = db.Query<RowSql>("""
            SELECT row_key, table_key, ord, code, label, level, side, grp, page, bbox, path
            FROM table_rows WHERE document = @sha256 ORDER BY table_key, ord
            """, new { sha256 })
            .GroupBy(r => r.TableKey)
            .ToDictionary(g => g.Key, g => g.Select(r => new RowRecord(r.Ord, r.Code, r.Label, r.Level, r.Side, r.Grp, r.Page,
                Bbox(r.Bbox), r.Path, cells.GetValueOrDefault(r.RowKey) ?? new Dictionary<string, decimal>())).ToList());
        var tables = db.Query<TableSql>("""
            SELECT table_key, ord, id, title, page_start, page_end, unit, columns, bbox, method
            FROM tables WHERE document = @sha256 ORDER BY ord
            """, new { sha256 })
            .Select(t => new TableRecord(t.TableKey, t.Ord, t.Id, t.Title, t.PageStart, t.PageEnd, t.Unit,
                JsonSerializer.Deserialize<List<string>>(t.Columns) ?? [], Bbox(t.Bbox), t.Method,
                rows.GetValueOrDefault(t.TableKey) ?? []))
            .ToList();

        var facts = store.Facts(new FactFilter(Sha256: sha256)).ToList();
        var checks = db.Query<CheckSql>("""
            SELECT ord, rule, status, expected, actual, tolerance, message, evidence FROM checks WHERE document = @sha256 ORDER BY ord
            """, new { sha256 })
            .Select(c => new CheckRecord(c.Ord, c.Rule, c.Status, Dec(c.Expected), Dec(c.Actual), Dec(c.Tolerance), c.Message,
                c.Evidence is null ? null : JsonDocument.Parse(c.Evidence).RootElement.Clone()))
            .ToList();
        return new DocumentDetail(doc, extra.Item1, extra.Item2, sections, tables, facts, checks);
    }

    internal static decimal? Dec(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    internal static double[]? Bbox(string? json) => json is null ? null : JsonSerializer.Deserialize<double[]>(json);

    private sealed class CompareSql
    {
        public string Sha256 { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Agency { get; init; }
        public int? FiscalYear { get; init; }
        public string? Kind { get; init; }
        public string? Scope { get; init; }
        public string? Value { get; init; }
        public string? Unit { get; init; }
        public int? Page { get; init; }
        public string? PriorValue { get; init; }
        public string? PriorSha256 { get; init; }
        public string? QuotedPrior { get; init; }
    }

    private sealed class RowSql
    {
        public long RowKey { get; init; }
        public long TableKey { get; init; }
        public int Ord { get; init; }
        public string? Code { get; init; }
        public string Label { get; init; } = "";
        public int? Level { get; init; }
        public string? Side { get; init; }
        public string? Grp { get; init; }
        public int? Page { get; init; }
        public string? Bbox { get; init; }
        public string? Path { get; init; }
    }

    private sealed class TableSql
    {
        public long TableKey { get; init; }
        public int Ord { get; init; }
        public string Id { get; init; } = "";
        public string? Title { get; init; }
        public int? PageStart { get; init; }
        public int? PageEnd { get; init; }
        public string? Unit { get; init; }
        public string Columns { get; init; } = "[]";
        public string? Bbox { get; init; }
        public string? Method { get; init; }
    }

    private sealed class CheckSql
    {
        public int Ord { get; init; }
        public string Rule { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Expected { get; init; }
        public string? Actual { get; init; }
        public string? Tolerance { get; init; }
        public string? Message { get; init; }
        public string? Evidence { get; init; }
    }
}

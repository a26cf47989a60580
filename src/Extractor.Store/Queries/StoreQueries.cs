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

/// <summary>How compare orders its rows within each kind.</summary>
public enum CompareSort { Value, Agency, Change }

/// <summary>What `extractor compare` (and serve's chart) asks: one key, optional filters, an order.</summary>
/// <param name="Kind">final_account, budget, performance_evaluation, unknown; null for all (each kind apart)</param>
/// <param name="Scope">department, unit, unknown; null for all</param>
public sealed record CompareQuery(string Key, int? Year = null, string? Agency = null, string? Kind = null, string? Scope = null,
    CompareSort Sort = CompareSort.Value);

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
    IReadOnlyDictionary<string, decimal> Values)
{
    /// <summary>Where each value was printed, by column: its own box, or its element path.</summary>
    public IReadOnlyDictionary<string, CellAt> Cells { get; init; } = new Dictionary<string, CellAt>();
}

/// <summary>A value's own position: the box of the printed figure (PDF) or the cell's element path (web, Office).</summary>
public sealed record CellAt(double[]? Bbox, string? Path);

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
    /// <summary>Compare with the default order (agency, then year) and no kind or scope filter.</summary>
    public static IReadOnlyList<CompareRow> Compare(this ExtractorStore store, string key, int? year = null, string? agency = null) =>
        store.Compare(new CompareQuery(key, year, agency, Sort: CompareSort.Agency));

    /// <summary>
    /// Every ok document holding fact K (one row per document: its first fact of that key), filtered by fiscal year,
    /// agency substring, kind and scope. The prior year is the stored document of year − 1 of the same kind whose
    /// agency is the same once names are normalised (<see cref="AgencyNames.Normalise"/>: a budget is compared with a
    /// budget, a final account with a final account; several candidates: the most recently published, then the lowest
    /// sha256); without one, the document's own K.prior_year fact (上年数). Rows are ordered by kind, then as asked.
    /// </summary>
    public static IReadOnlyList<CompareRow> Compare(this ExtractorStore store, CompareQuery query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Key);
        var held = store.Connection.Query<CompareSql>("""
            WITH first AS (
                SELECT f.document, f.value, f.unit, f.page,
                       row_number() OVER (PARTITION BY f.document ORDER BY f.ord) AS n
                FROM facts f WHERE f.key = @key
            )
            SELECT d.sha256, d.source, d.agency, d.fiscal_year, d.kind, d.scope, d.published_on, x.value, x.unit, x.page,
                   (SELECT q.value FROM facts q WHERE q.document = d.sha256 AND q.key = @priorKey ORDER BY q.ord LIMIT 1) AS quoted_prior
            FROM first x JOIN documents d ON d.sha256 = x.document
            WHERE x.n = 1 AND d.status = 'ok'
            """, new { key = query.Key, priorKey = query.Key + ".prior_year" }).ToList();
        // The same agency a year before: names normalised, the same kind, the latest published first.
        var byAgencyYear = held.Where(h => h.Agency is not null && h.FiscalYear is not null)
            .GroupBy(h => (AgencyNames.Normalise(h.Agency!), h.FiscalYear!.Value, h.Kind))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.PublishedOn, StringComparer.Ordinal).ThenBy(h => h.Sha256, StringComparer.Ordinal).First());
        var rows = held
            .Where(h => query.Year is null || h.FiscalYear == query.Year)
            .Where(h => query.Agency is null || h.Agency is not null && (h.Agency.Contains(query.Agency, StringComparison.Ordinal)
                || AgencyNames.Normalise(h.Agency).Contains(AgencyNames.Normalise(query.Agency), StringComparison.Ordinal)))
            .Where(h => query.Kind is null || h.Kind == query.Kind)
            .Where(h => query.Scope is null || h.Scope == query.Scope)
            .Select(h =>
            {
                CompareSql? before = h.Agency is not null && h.FiscalYear is { } y
                    && byAgencyYear.TryGetValue((AgencyNames.Normalise(h.Agency), y - 1, h.Kind), out var p) ? p : null;
                var prior = Dec(before?.Value);
                var source = prior is not null ? "store" : null;
                if (prior is null && Dec(h.QuotedPrior) is { } quoted) { prior = quoted; source = "document"; }
                return new CompareRow
                {
                    Sha256 = h.Sha256, Source = h.Source, Agency = h.Agency, FiscalYear = h.FiscalYear, Kind = h.Kind,
                    Scope = h.Scope, Key = query.Key, Value = Dec(h.Value) ?? 0, Unit = h.Unit, Page = h.Page,
                    PriorValue = prior, PriorSource = source, PriorSha256 = source == "store" ? before!.Sha256 : null,
                };
            });
        var byKind = rows.OrderBy(r => r.Kind ?? "", StringComparer.Ordinal);
        return (query.Sort switch
        {
            CompareSort.Value => byKind.ThenByDescending(r => r.Value),
            CompareSort.Change => byKind.ThenBy(r => r.ChangePercent is null ? 1 : 0).ThenByDescending(r => r.ChangePercent).ThenByDescending(r => r.Change),
            _ => byKind.ThenBy(r => r.Agency is null).ThenBy(r => r.Agency, StringComparer.Ordinal),
        }).ThenBy(r => r.FiscalYear).ThenBy(r => r.Sha256, StringComparer.Ordinal).ToList();
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

        var cellRows = db.Query<(long RowKey, string Column, string Value, string? Bbox, string? Path)>("""
            SELECT c.row_key, c.column_name, c.value, c.bbox, c.path FROM cells c WHERE c.document = @sha256 ORDER BY c.row_key, c.rowid
            """, new { sha256 }).ToList();
        var cells = cellRows.GroupBy(c => c.RowKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(c => c.Column, c => Dec(c.Value)!.Value));
        var cellsAt = cellRows.Where(c => c.Bbox is not null || c.Path is not null).GroupBy(c => c.RowKey)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, CellAt>)g.ToDictionary(c => c.Column, c => new CellAt(Bbox(c.Bbox), c.Path)));
        var rows = db.Query<RowSql>("""
            SELECT row_key, table_key, ord, code, label, level, side, grp, page, bbox, path
            FROM table_rows WHERE document = @sha256 ORDER BY table_key, ord
            """, new { sha256 })
            .GroupBy(r => r.TableKey)
            .ToDictionary(g => g.Key, g => g.Select(r => new RowRecord(r.Ord, r.Code, r.Label, r.Level, r.Side, r.Grp, r.Page,
                Bbox(r.Bbox), r.Path, cells.GetValueOrDefault(r.RowKey) ?? new Dictionary<string, decimal>())
                { Cells = cellsAt.GetValueOrDefault(r.RowKey) ?? new Dictionary<string, CellAt>() }).ToList());
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
        public string? PublishedOn { get; init; }
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

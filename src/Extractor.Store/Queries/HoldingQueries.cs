using Dapper;

namespace Extractor.Store.Queries;

/// <summary>How many ok documents hold an id, and how many of its checks failed (checks only).</summary>
public sealed record IdCount(long Documents, long Failed);

/// <summary>What the store holds for a fact key whatever the filters: to say why a query found nothing.</summary>
/// <param name="Documents">ok documents holding the key</param>
/// <param name="Years">fiscal year → documents</param>
/// <param name="Kinds">kind → documents</param>
/// <param name="Agencies">agency → documents (the most common first)</param>
public sealed record KeyHoldings(long Documents, IReadOnlyList<(int? Year, long Count)> Years, IReadOnlyList<(string Kind, long Count)> Kinds,
    IReadOnlyList<(string Agency, long Count)> Agencies);

/// <summary>
/// Counts by id for `extractor schema --db` and the "what exists instead" of empty answers. Ids are matched with
/// SQLite GLOB, a schema placeholder (&lt;table&gt;, &lt;key&gt;) standing for any text.
/// </summary>
public static class HoldingQueries
{
    /// <summary>The store's column of ids for a schema family (keys, tables, sections, checks).</summary>
    private static (string Table, string Column) Source(string family) => family switch
    {
        "keys" => ("facts", "key"),
        "tables" => ("tables", "id"),
        "sections" => ("sections", "id"),
        "checks" => ("checks", "rule"),
        _ => throw new ArgumentException($"unknown id family '{family}' (keys, tables, sections or checks)"),
    };

    /// <summary>Every id the store holds for the family, with its ok documents (and failed checks).</summary>
    public static IReadOnlyDictionary<string, IdCount> IdCounts(this ExtractorStore store, string family)
    {
        var (table, column) = Source(family);
        var failed = family == "checks" ? "sum(CASE WHEN x.status = 'fail' THEN 1 ELSE 0 END)" : "0";
        return store.Connection.Query<(string Id, long Documents, long Failed)>($"""
            SELECT x.{column}, count(DISTINCT x.document), {failed}
            FROM {table} x JOIN documents d ON d.sha256 = x.document AND d.status = 'ok'
            GROUP BY x.{column}
            """).ToDictionary(r => r.Id, r => new IdCount(r.Documents, r.Failed), StringComparer.Ordinal);
    }

    /// <summary>Ok documents holding an id, or any id a placeholder pattern names (final.x_&lt;snake_name&gt;).</summary>
    public static IdCount CountHolding(this ExtractorStore store, string family, string idOrPattern)
    {
        var (table, column) = Source(family);
        var glob = System.Text.RegularExpressions.Regex.Replace(
            idOrPattern.Replace("[", "[[]").Replace("?", "[?]").Replace("*", "[*]"), "<[a-z_*]+>", "*");
        var failed = family == "checks" ? "coalesce(sum(CASE WHEN x.status = 'fail' THEN 1 ELSE 0 END), 0)" : "0";
        var r = store.Connection.QuerySingle<(long Documents, long Failed)>($"""
            SELECT count(DISTINCT x.document), {failed}
            FROM {table} x JOIN documents d ON d.sha256 = x.document AND d.status = 'ok'
            WHERE x.{column} GLOB @glob
            """, new { glob });
        return new IdCount(r.Documents, r.Failed);
    }

    /// <summary>Years, kinds and agencies of the ok documents holding <paramref name="key"/>, ignoring every filter.</summary>
    public static KeyHoldings Holdings(this ExtractorStore store, string key)
    {
        var db = store.Connection;
        const string Holding = """
            FROM documents d WHERE d.status = 'ok' AND EXISTS (SELECT 1 FROM facts f WHERE f.document = d.sha256 AND f.key = @key)
            """;
        var years = db.Query<(int?, long)>($"SELECT d.fiscal_year, count(*) {Holding} GROUP BY 1 ORDER BY 1", new { key }).ToList();
        var kinds = db.Query<(string, long)>($"SELECT coalesce(d.kind, 'unknown'), count(*) {Holding} GROUP BY 1 ORDER BY 2 DESC, 1", new { key }).ToList();
        var agencies = db.Query<(string, long)>($"SELECT coalesce(d.agency, '(unknown agency)'), count(*) {Holding} GROUP BY 1 ORDER BY 2 DESC, 1", new { key }).ToList();
        return new KeyHoldings(years.Sum(y => y.Item2), years, kinds, agencies);
    }

    /// <summary>For every fact key, how many ok documents of each kind hold it (the chart offers one kind at a time).</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, long>> KeyKinds(this ExtractorStore store) =>
        store.Connection.Query<(string Key, string Kind, long Count)>("""
            SELECT f.key, coalesce(d.kind, 'unknown'), count(DISTINCT f.document)
            FROM facts f JOIN documents d ON d.sha256 = f.document AND d.status = 'ok'
            GROUP BY 1, 2
            """).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Kind, r => r.Count), StringComparer.Ordinal);

    /// <summary>Every table of every ok document, with its document's agency, year and kind (no rows).</summary>
    public static IReadOnlyList<TableListing> TableList(this ExtractorStore store) =>
        store.Connection.Query<TableListing>("""
            SELECT d.sha256 AS Sha256, d.agency AS Agency, d.fiscal_year AS FiscalYear, d.kind AS Kind, t.ord AS Ord, t.id AS Id,
                   t.title AS Title, t.page_start AS PageStart, t.page_end AS PageEnd, t.unit AS Unit, t.method AS Method,
                   (SELECT count(*) FROM table_rows r WHERE r.table_key = t.table_key) AS Rows
            FROM tables t JOIN documents d ON d.sha256 = t.document AND d.status = 'ok'
            ORDER BY d.agency, d.fiscal_year, d.sha256, t.ord
            """).ToList();
}

/// <summary>One table in the store's table list.</summary>
public sealed class TableListing
{
    public string Sha256 { get; init; } = "";
    public string? Agency { get; init; }
    public int? FiscalYear { get; init; }
    public string? Kind { get; init; }
    public int Ord { get; init; }
    public string Id { get; init; } = "";
    public string? Title { get; init; }
    public int? PageStart { get; init; }
    public int? PageEnd { get; init; }
    public string? Unit { get; init; }
    public string? Method { get; init; }
    public long Rows { get; init; }
}

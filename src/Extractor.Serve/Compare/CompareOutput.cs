using System.Globalization;
using Extractor.Core.Schema;
using Extractor.Serve.Text;
using Extractor.Store.Queries;

namespace Extractor.Serve.Compare;

/// <summary>`extractor compare` output: CSV with stable columns, or an aligned table for a terminal.</summary>
public static class CompareOutput
{
    public static readonly string[] CsvHeader =
    [
        "agency", "fiscal_year", "kind", "scope", "key", "value", "unit", "prior_value", "change", "change_percent",
        "prior_source", "prior_sha256", "page", "sha256", "source",
    ];

    public static void WriteCsv(TextWriter w, IReadOnlyList<CompareRow> rows)
    {
        Csv.WriteRow(w, CsvHeader);
        foreach (var c in rows)
            Csv.WriteRow(w, [
                c.Agency, c.FiscalYear, c.Kind, c.Scope, c.Key, c.Value, c.Unit, c.PriorValue, c.Change, c.ChangePercent,
                c.PriorSource, c.PriorSha256, c.Page, c.Sha256, c.Source,
            ]);
    }

    /// <summary>An aligned table per kind (budgets and final accounts are never one list), headed by the key's name and unit.</summary>
    public static void WriteTable(TextWriter w, string key, IReadOnlyList<CompareRow> rows)
    {
        if (rows.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        var entry = SchemaCatalog.Key(key);
        var first = true;
        foreach (var kind in rows.GroupBy(r => r.Kind ?? "unknown"))
        {
            if (!first) w.WriteLine();
            first = false;
            var table = new TextTable(
                ["agency", "year", "scope", "value", "unit", "prior", "change", "change %", "prior from"],
                [false, true, false, true, false, true, true, true, false]);
            foreach (var c in kind)
                table.Add(c.Agency ?? "(unknown)", c.FiscalYear?.ToString(inv), c.Scope, Money(c.Value), c.Unit,
                    c.PriorValue is { } p ? Money(p) : "", c.Change is { } d ? Signed(Money(d), d) : "",
                    c.ChangePercent is { } pct ? Signed(pct.ToString("0.00", inv), pct) + "%" : "",
                    c.PriorSource switch { "store" => $"{c.FiscalYear - 1} document", "document" => "quoted 上年数", _ => "" });
            w.WriteLine($"{key}{(entry is null ? "" : $" {entry.Name}")} — {KindName(kind.Key)} ({kind.Count()} documents)");
            table.Write(w);
        }
    }

    /// <summary>Why a query found nothing: what the store holds for the key whatever the filters.</summary>
    public static string WhyEmpty(CompareQuery q, KeyHoldings held)
    {
        var name = SchemaCatalog.Key(q.Key) is { } e ? $"{q.Key} ({e.Name})" : q.Key;
        if (held.Documents == 0) return $"no stored document holds {name} yet.";
        var filters = new List<string>();
        if (q.Kind is not null) filters.Add($"of kind {q.Kind}");
        if (q.Scope is not null) filters.Add($"of scope {q.Scope}");
        if (q.Agency is not null) filters.Add($"of an agency matching '{q.Agency}'");
        if (q.Year is not null) filters.Add($"for fiscal year {q.Year}");
        string List<T>(IEnumerable<(T Item, long Count)> items, int max = 8) =>
            string.Join(", ", items.Take(max).Select(i => $"{i.Item} ({i.Count})")) + (items.Count() > max ? $", … {items.Count() - max} more" : "");
        return $"no stored document {string.Join(" ", filters)} holds {name}. It is held by {held.Documents} documents: " +
               $"years {List(held.Years.Select(y => (y.Year?.ToString(CultureInfo.InvariantCulture) ?? "unknown", y.Count)))}; " +
               $"kinds {List(held.Kinds)}; agencies {List(held.Agencies, 5)}.";
    }

    public static string KindName(string? kind) => kind switch
    {
        "final_account" => "final accounts (决算)",
        "budget" => "budgets (预算)",
        "performance_evaluation" => "performance evaluations (绩效)",
        _ => "documents of unknown kind",
    };

    /// <summary>Thousands separators with the stored scale kept: 6.10 → 6.10, 12345.6 → 12,345.6.</summary>
    public static string Money(decimal d)
    {
        var text = Math.Abs(d).ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var grouped = decimal.Parse(whole, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture);
        return (d < 0 ? "-" : "") + grouped + (dot < 0 ? "" : text[dot..]);
    }

    private static string Signed(string text, decimal d) => d > 0 ? "+" + text : text;
}

using System.Globalization;
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

    public static void WriteTable(TextWriter w, string key, IReadOnlyList<CompareRow> rows)
    {
        if (rows.Count == 0)
        {
            w.WriteLine($"no stored document holds {key}");
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new TextTable(
            ["agency", "year", "kind", "value", "unit", "prior", "change", "change %", "prior from"],
            [false, true, false, true, false, true, true, true, false]);
        foreach (var c in rows)
            table.Add(c.Agency ?? "(unknown)", c.FiscalYear?.ToString(inv), c.Kind, Money(c.Value), c.Unit,
                c.PriorValue is { } p ? Money(p) : "", c.Change is { } d ? Signed(Money(d), d) : "",
                c.ChangePercent is { } pct ? Signed(pct.ToString("0.00", inv), pct) + "%" : "",
                c.PriorSource switch { "store" => $"{c.FiscalYear - 1} document", "document" => "quoted 上年数", _ => "" });
        w.WriteLine($"{key} ({rows.Count} documents)");
        table.Write(w);
    }

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

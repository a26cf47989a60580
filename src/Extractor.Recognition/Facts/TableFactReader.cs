using Extractor.Core.Report;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Meaning;

namespace Extractor.Recognition.Facts;

/// <summary>
/// Facts from the canonical tables (SCHEMA §4 says tables come first): each key where fact-sources.tsv says it
/// is printed, read through the rows' and columns' roles (<see cref="TableMeaning"/>). In a final account a
/// column headed 预算数 gives the key's .budget counterpart. Values are converted to 万元; provenance keeps the
/// printed figure, its unit and the column it was read from.
/// </summary>
public static class TableFactReader
{
    private static readonly Lexicon Sources = Lexicon.Embedded("fact-sources.tsv");

    public static List<Fact> Read(IReadOnlyList<ReportTable> tables, string documentKind)
    {
        var facts = new List<Fact>();
        string?[] bases = documentKind == DocumentKinds.FinalAccount ? ["actual", "budget"] : [null];
        var formProjects = tables.Where(t => TableFamilies.IsForm(t.Id)).Sum(t => t.Rows.Count(r => r.Is(PerformanceFields.ProjectRow)));
        foreach (var source in Sources.Entries)
            foreach (var basis in bases)
            {
                var key = source["key"] + (basis == "budget" ? FactKeys.BudgetSuffix : string.Empty);
                if (facts.Any(f => f.Key == key)) continue;
                var prefixes = source["tables"].Split(',');
                foreach (var t in tables.Where(t => prefixes.Any(p => t.Id.StartsWith(p, StringComparison.Ordinal))))
                {
                    if (source["unless"] is { Length: > 0 } unless && t.ColumnRoles.Values.Any(r => r.Measure == unless)) continue;
                    // A form's project speaks for the report as a whole only in a self-evaluation of that one project.
                    // Several projects' forms (one table each) make no one figure for the report.
                    if (TableFamilies.IsForm(t.Id) && (documentKind != DocumentKinds.PerformanceEvaluation || formProjects != 1)) continue;
                    var spec = source["row"].Split('@');
                    var row = TableMeaning.Row(t, spec[0], spec.Length > 1 ? spec[1] : null);
                    var percent = FactKeys.IsPercent(source["key"]) || FactKeys.IsScore(source["key"]);
                    var hit = source["column"] == "amount"
                        ? TableMeaning.Amount(t, row, basis)
                        : TableMeaning.Measure(t, row, source["column"], basis, percent);
                    if (row is null || hit is not { } h) continue;
                    facts.Add(Fact(key, t, row, h.Column, h.Value, percent));
                    break;
                }
            }
        return facts;
    }

    private static Fact Fact(string key, ReportTable t, ReportRow row, string column, decimal value, bool percent)
    {
        var unit = TableMeaning.Role(t, column).Unit ?? t.Unit;
        var at = PrintedAt(row, column);
        return new Fact
        {
            Key = key,
            Value = percent ? value : MoneyUnit.ToWan(value, unit),
            Unit = FactKeys.UnitOf(key),
            Provenance = new Provenance
            {
                Kind = "table", Table = t.Id, Page = at?.Page ?? row.Provenance?.Page ?? t.PageStart,
                Bbox = at?.Bbox ?? row.Provenance?.Bbox, Path = at?.Path ?? row.Provenance?.Path,
                Printed = value.ToString(System.Globalization.CultureInfo.InvariantCulture), PrintedUnit = percent ? FactKeys.UnitOf(key) : unit, Column = column,
            },
        };
    }

    /// <summary>Where the value under <paramref name="column"/> was printed: the figure's own box, not the row's.</summary>
    private static Provenance? PrintedAt(ReportRow row, string column) => row.Cells?.GetValueOrDefault(column);
}

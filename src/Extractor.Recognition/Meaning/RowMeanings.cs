using Extractor.Core.Report;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// Gives the rows of a canonical table their roles (measures.tsv, rows): the 收支总表's totals by their place on
/// their side, 结转 lines, items named in the lexicon, a table's 合计 row. Facts and checks read the roles.
/// </summary>
public static class RowMeanings
{
    private static readonly Lexicon MeasureLexicon = Lexicon.Embedded("measures.tsv");

    public const string IncomeTotal = "income_total", ExpenditureTotal = "expenditure_total", GrandTotal = "grand_total",
        SideTotal = "side_total", CarryoverOpening = "carryover_opening", CarryoverClosing = "carryover_closing",
        Adjustment = "adjustment", Total = "total", UnitTotal = "unit_total";

    public static List<ReportRow> Assign(string tableId, IReadOnlyList<ReportRow> rows)
    {
        // A performance form's rows got their roles (project, indicator, total) from the form's fields as they were read.
        if (TableFamilies.Includes("forms", tableId)) return rows.ToList();
        var measures = rows.Select(r => MeasureOf(tableId, r)).ToList();
        var roles = measures.Select(m => m is null ? new List<string>() : [m]).ToList();
        if (TableFamilies.Includes("summary", tableId)) ResolveSideTotals(rows, measures, roles);
        else
        {
            // The table's 合计: the first total line without a code (a later one closes a per-unit block: BudgetUnits).
            // The table's 合计: the first total line without a code and outside any 预算单位's block; a unit's own 合计
            // is that unit's total.
            var first = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Code is null && x.r.BudgetUnit is null && measures[x.i] == Total).r;
            for (var i = 0; i < rows.Count; i++)
                if (measures[i] == Total && rows[i] != first)
                {
                    roles[i].Remove(Total);
                    if (rows[i].BudgetUnit is not null && rows[i].Code is null) roles[i].Add(UnitTotal);
                }
            // No 合计 printed: a line of figures without a name (the three-public table's one row), or the only line
            // that prints figures, is the table's total.
            if (first is null)
            {
                var figures = rows.Select((r, i) => (r, i)).Where(x => x.r.Values.Count > 0).ToList();
                var unnamed = figures.FirstOrDefault(x => x.r.Code is null && x.r.Label.Length == 0);
                if (unnamed.r is not null) roles[unnamed.i].Add(Total);
                else if (figures.Count == 1 && figures[0].r.Code is null && roles[figures[0].i].Count == 0) roles[figures[0].i].Add(Total);
            }
        }
        return rows.Select((r, i) => roles[i].Count == 0 ? r : Copy(r, roles[i])).ToList();
    }

    private static string? MeasureOf(string tableId, ReportRow row)
    {
        if (row.Code is not null) return null; // a 科目 is an item of the classification, whatever its name
        var key = Lexicon.Key(row.Label);
        // "其中：…" lines are parts of the line above them, never a total or an item of their own.
        if (key.Length == 0 || key.StartsWith("其中", StringComparison.Ordinal)) return null;
        foreach (var e in MeasureLexicon.Entries)
            if (e["applies"] is "row" or "both" && TableFamilies.Includes(e["tables"], tableId)
                && (e["side"] == "*" || row.Side is null || row.Side == e["side"])
                && Lexicon.Matches(e["match"], e["pattern"], key))
                return e["measure"];
        return null;
    }

    /// <summary>
    /// On each side of a 收支总表 (each column group of it), the year's total is the 本年…合计 line, else the 合计 that
    /// 结转/结余 lines or a 总计 follow; the grand total is 总计, else the 合计 that closes the side after them. A side
    /// with one total line and no 结转 line states both with it.
    /// </summary>
    private static void ResolveSideTotals(IReadOnlyList<ReportRow> rows, List<string?> measures, List<List<string>> roles)
    {
        foreach (var block in Enumerable.Range(0, rows.Count).GroupBy(i => (rows[i].Side, rows[i].Group)))
        {
            var idx = block.ToList();
            int Find(Func<int, bool> p) => idx.FirstOrDefault(i => p(i), -1);
            var yearTotal = Find(i => measures[i] is IncomeTotal or ExpenditureTotal);
            var grand = Find(i => measures[i] == GrandTotal);
            var plain = idx.Where(i => measures[i] == SideTotal).ToList();
            bool Adjusts(int i) => measures[i] is CarryoverOpening or CarryoverClosing or Adjustment;
            if (yearTotal < 0)
                yearTotal = plain.FirstOrDefault(p => (grand < 0 || p < grand) && (grand > p || idx.Any(i => i > p && Adjusts(i))), -1);
            if (grand < 0 && yearTotal >= 0)
                grand = plain.LastOrDefault(p => p > yearTotal && idx.Any(i => i > yearTotal && i < p && Adjusts(i)), -1);
            if (yearTotal < 0 && grand < 0 && plain.Count == 1) yearTotal = plain[0];
            var carries = idx.Any(i => Adjusts(i) && rows[i].Values.Values.Any(v => v != 0));
            if (yearTotal < 0 && grand >= 0 && !idx.Any(i => i < grand && Adjusts(i))) yearTotal = grand;
            if (grand < 0 && yearTotal >= 0 && !carries && plain.Count <= 1) grand = yearTotal;
            foreach (var i in idx) roles[i].RemoveAll(r => r is SideTotal or IncomeTotal or ExpenditureTotal or GrandTotal);
            var side = rows[idx[0]].Side;
            if (yearTotal >= 0) roles[yearTotal].Add(side == "expenditure" ? ExpenditureTotal : IncomeTotal);
            if (grand >= 0) roles[grand].Add(GrandTotal);
        }
    }

    private static ReportRow Copy(ReportRow r, List<string> roles) => new()
    {
        Code = r.Code, Label = r.Label, Level = r.Level, Side = r.Side, Group = r.Group, Values = r.Values,
        Provenance = r.Provenance, BudgetUnit = r.BudgetUnit, Roles = roles, Cells = r.Cells,
    };
}

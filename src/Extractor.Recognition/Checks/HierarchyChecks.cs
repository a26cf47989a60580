using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Tables listed by 科目 code (t02, t03, t05, t08, t09 and their budget counterparts): 合计 = Σ 类 rows,
/// each 类 = Σ its 款, each 款 = Σ its 项 — per column, only where the children are printed.
/// </summary>
public static class HierarchyChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => t.Rows.Count(r => r.Code is not null) >= 2 && !TableIds.IsGrouped(t.Id) && !TableIds.IsTwoSided(t.Id)))
        {
            var p = RulePrefix(t.Id);
            var coded = t.Rows.Where(r => r.Code is not null && r.Level is not null).ToList();
            var total = Row(t, RowMeanings.Total);
            var unitTotals = t.Rows.Where(r => r.Is(RowMeanings.UnitTotal)).ToList();
            // Listed once per 预算单位: each unit's 合计 is the sum of its 类, and the table's 合计 the sum of the units'.
            foreach (var unitTotal in unitTotals)
                SumOver(t, unitTotal, coded.Where(r => r.Level == 1 && r.BudgetUnit == unitTotal.BudgetUnit).ToList(), $"{p}.unit_total_equals_sum_of_classes", ctx, checks);
            if (total is not null && total.Values.Count > 0)
                SumOver(t, total, unitTotals.Count > 0 ? unitTotals : coded.Where(r => r.Level == 1).ToList(), $"{p}.total_equals_sum_of_classes", ctx, checks);
            for (var i = 0; i < coded.Count; i++)
            {
                var parent = coded[i];
                if (parent.Level is not (1 or 2)) continue;
                var children = ChildrenOf(coded, i);
                if (children.Count == 0) continue;
                SumOver(t, parent, children, parent.Level == 1 ? $"{p}.class_equals_sum_of_items" : $"{p}.item_equals_sum_of_subitems", ctx, checks);
            }
        }
    }

    /// <summary>
    /// The rows printed under a 类 or 款 up to its next sibling: the hierarchy is printed in order, and a table
    /// that repeats its classification once per 预算单位 (or per other grouping) has the same codes again in the
    /// next block, which are that block's, not this parent's.
    /// </summary>
    private static List<ReportRow> ChildrenOf(List<ReportRow> coded, int parent)
    {
        var p = coded[parent];
        var children = new List<ReportRow>();
        for (var j = parent + 1; j < coded.Count; j++)
        {
            var r = coded[j];
            if (r.Level <= p.Level || !r.Code!.StartsWith(p.Code!, StringComparison.Ordinal) || r.BudgetUnit != p.BudgetUnit) break;
            if (r.Level == p.Level + 1) children.Add(r);
        }
        return children;
    }

    /// <summary>
    /// Whether the rule sets a parent row against the sum of its children, one check per column (the rules above): the
    /// children are the same rows in every column, so a column that adds up confirms the rows the others were summed over.
    /// </summary>
    public static bool SumsChildRows(string rule) =>
        rule.EndsWith(".total_equals_sum_of_items", StringComparison.Ordinal) || rule.EndsWith(".total_equals_sum_of_classes", StringComparison.Ordinal)
        || rule.EndsWith(".class_equals_sum_of_items", StringComparison.Ordinal) || rule.EndsWith(".item_equals_sum_of_subitems", StringComparison.Ordinal)
        || rule.EndsWith(".unit_total_equals_sum_of_classes", StringComparison.Ordinal);

    /// <summary>Lists without codes whose 序号 marks top items (一、二…): 合计 = Σ top items, per amount column.</summary>
    public static void RunNumbered(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => t.Rows.All(r => r.Code is null) && t.Rows.Count(r => r.Level == 1) >= 2 && !TableIds.IsTwoSided(t.Id)))
        {
            var total = Row(t, RowMeanings.Total);
            if (total is null || total.Values.Count == 0) continue;
            var top = t.Rows.Where(r => r.Level == 1).ToList();
            var rule = $"{RulePrefix(t.Id)}.total_equals_sum_of_items";
            foreach (var (column, printed) in total.Values)
            {
                if (!SumsOverRows(t, column)) continue;
                var parts = top.Select(c => c.Values.TryGetValue(column, out var v) ? v : (decimal?)null).OfType<decimal>().ToList();
                if (parts.Count == 0) continue;
                checks.Compare(rule, parts.Sum(), printed, Tolerance.ForSum(printed, parts, ctx.RoundingNoted),
                    $"{t.Id} 合计 [{column}]: Σ {top.Count} top items vs printed", Evidence(t, total));
            }
        }
    }

    private static void SumOver(ReportTable t, ReportRow parent, List<ReportRow> children, string rule, CheckContext ctx, CheckBuilder checks)
    {
        if (children.Count == 0) return;
        foreach (var (column, printed) in parent.Values)
        {
            if (!SumsOverRows(t, column)) continue;
            var parts = children.Select(c => c.Values.TryGetValue(column, out var v) ? v : (decimal?)null).OfType<decimal>().ToList();
            if (parts.Count == 0 && printed == 0) continue;
            checks.Compare(rule, parts.Sum(), printed, Tolerance.ForSum(printed, parts, ctx.RoundingNoted),
                $"{t.Id} {parent.Code ?? Label(parent)} [{column}]: Σ {children.Count} rows below vs printed", Evidence(t, parent));
        }
    }
}

using Extractor.Core.Report;
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
            var total = TotalRow(t);
            if (total is not null && total.Values.Count > 0)
                SumOver(t, total, coded.Where(r => r.Level == 1).ToList(), $"{p}.total_equals_sum_of_classes", ctx, checks);
            foreach (var parent in coded.Where(r => r.Level is 1 or 2))
            {
                var children = coded.Where(r => r.Level == parent.Level + 1 && r.Code!.StartsWith(parent.Code!)).ToList();
                if (children.Count == 0) continue;
                SumOver(t, parent, children, parent.Level == 1 ? $"{p}.class_equals_sum_of_items" : $"{p}.item_equals_sum_of_subitems", ctx, checks);
            }
        }
    }

    /// <summary>Lists without codes whose 序号 marks top items (一、二…): 合计 = Σ top items, per amount column.</summary>
    public static void RunNumbered(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => t.Rows.All(r => r.Code is null) && t.Rows.Count(r => r.Level == 1) >= 2 && !TableIds.IsTwoSided(t.Id)))
        {
            var total = TotalRow(t);
            if (total is null || total.Values.Count == 0) continue;
            var top = t.Rows.Where(r => r.Level == 1).ToList();
            var rule = $"{RulePrefix(t.Id)}.total_equals_sum_of_items";
            foreach (var (column, printed) in total.Values)
            {
                if (column.Contains('率') || column.Contains('%')) continue;
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
            var parts = children.Select(c => c.Values.TryGetValue(column, out var v) ? v : (decimal?)null).OfType<decimal>().ToList();
            if (parts.Count == 0 && printed == 0) continue;
            checks.Compare(rule, parts.Sum(), printed, Tolerance.ForSum(printed, parts, ctx.RoundingNoted),
                $"{t.Id} {parent.Code ?? Label(parent)} [{column}]: Σ {children.Count} rows below vs printed", Evidence(t, parent));
        }
    }
}

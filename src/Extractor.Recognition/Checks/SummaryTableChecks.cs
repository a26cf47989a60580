using Extractor.Core.Report;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// t01 (and budget t01): 本年收入合计 = Σ income items; 本年支出合计 = Σ expenditure items (per group where
/// the expenditure side lists two classifications); 总计 = 合计 + the 结转/结余 lines on each side; 总计(收) = 总计(支).
/// </summary>
public static class SummaryTableChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => t.Id is TableIds.FinalSummary or TableIds.BudgetSummary))
        {
            var p = RulePrefix(t.Id);
            var incomeTotal = Find(t, "income", "本年收入合计", "本年收入小计", "当年收入小计", "收入合计");
            var expenditureTotal = Find(t, "expenditure", "本年支出合计", "本年支出小计", "当年支出小计", "支出合计");
            // Jiangsu: 当年收入小计 + 上年结转 = 收入合计, the grand total.
            var incomeGrand = Find(t, "income", "总计", "收入总计") ?? (incomeTotal is null || Bare(incomeTotal) == "收入合计" ? null : Find(t, "income", "收入合计", "合计"));
            var expenditureGrand = Find(t, "expenditure", "总计", "支出总计") ?? (expenditureTotal is null || Bare(expenditureTotal) == "支出合计" ? null : Find(t, "expenditure", "支出合计", "合计"));
            // Shanghai's unit budgets print no 合计 and no 结转 lines: the items add up to 总计 itself.
            incomeTotal ??= GrandWithoutAdjustments(t, "income", incomeGrand);
            expenditureTotal ??= GrandWithoutAdjustments(t, "expenditure", expenditureGrand);
            SideSum(t, "income", incomeTotal, $"{p}.income_total_equals_income_rows", ctx, checks);
            SideSum(t, "expenditure", expenditureTotal, $"{p}.expenditure_total_equals_expenditure_rows", ctx, checks);
            if (incomeTotal is null || incomeTotal != incomeGrand) GrandTotal(t, "income", incomeTotal, incomeGrand, $"{p}.income_grand_total", ctx, checks);
            if (expenditureTotal is null || expenditureTotal != expenditureGrand) GrandTotal(t, "expenditure", expenditureTotal, expenditureGrand, $"{p}.expenditure_grand_total", ctx, checks);
            if (First(incomeGrand) is { } ig && First(expenditureGrand) is { } eg)
                checks.Compare($"{p}.income_grand_total_equals_expenditure_grand_total", ig, eg, Tolerance.ForPair(ig, eg),
                    "总计(收) = 总计(支)", Evidence(t, incomeGrand), Evidence(t, expenditureGrand));
            else checks.Missing($"{p}.income_grand_total_equals_expenditure_grand_total", CheckStatus.InsufficientData, "总计 not printed on both sides");
        }
    }

    /// <summary>The items are the side's "一、…" rows above its 合计 (sub-items "1.…" are parts of them).</summary>
    private static void SideSum(ReportTable t, string side, ReportRow? total, string rule, CheckContext ctx, CheckBuilder checks)
    {
        if (First(total) is not { } printed) { checks.Missing(rule, CheckStatus.InsufficientData, "合计 not printed"); return; }
        var rows = t.Rows.Where(r => r.Side == side).ToList();
        var end = rows.IndexOf(total!);
        foreach (var group in rows.Take(end).Where(IsChineseOrdinal).GroupBy(r => r.Group))
        {
            var items = group.Where(r => r.Values.Count > 0).Select(r => First(r)!.Value).ToList();
            if (items.Count == 0) continue;
            var sum = items.Sum();
            checks.Compare(rule, sum, printed, Tolerance.ForSum(printed, items, ctx.RoundingNoted),
                $"{t.Id} {side}{(group.Key is null ? "" : "/" + group.Key)}: Σ items vs {Label(total!)}", Evidence(t, total));
        }
    }

    private static void GrandTotal(ReportTable t, string side, ReportRow? total, ReportRow? grand, string rule, CheckContext ctx, CheckBuilder checks)
    {
        if (First(total) is not { } sub || First(grand) is not { } printed) { checks.Missing(rule, CheckStatus.InsufficientData, "合计 or 总计 not printed"); return; }
        // Within the total's own group: Jiangsu/Shaanxi print the expenditure side twice or three times over.
        var rows = t.Rows.Where(r => r.Side == side && r.Group == total!.Group).ToList();
        var from = rows.IndexOf(total!);
        var to = rows.IndexOf(grand!);
        // Between 合计 and 总计: 使用非财政拨款结余 / 年初结转和结余 (收), 结余分配 / 年末结转和结余 (支); their sub-lines are parts.
        // A side printed as several label columns (Shaanxi: 功能, 经济, 部门预算) repeats each 结转 line once per column:
        // a line counts once.
        var parts = rows.Skip(from + 1).Take(Math.Max(0, to - from - 1))
            .Where(r => IsTopLevelAdjustment(Bare(r)) && !Bare(r).StartsWith("其中") && r.Values.Count > 0)
            .DistinctBy(Bare).Select(r => First(r)!.Value).ToList();
        var summands = parts.Prepend(sub).ToList();
        checks.Compare(rule, summands.Sum(), printed, Tolerance.ForSum(printed, summands, ctx.RoundingNoted),
            $"{t.Id} {side}: 合计 + 结转结余 vs 总计", Evidence(t, grand));
    }

    /// <summary>总计 as the side's total when nothing but items stands above it (no 合计, no 结转/结余 line).</summary>
    private static ReportRow? GrandWithoutAdjustments(ReportTable t, string side, ReportRow? grand)
    {
        if (grand is null || grand.Group is not null) return null;
        var rows = t.Rows.Where(r => r.Side == side).ToList();
        var above = rows.Take(rows.IndexOf(grand)).ToList();
        return above.Count > 0 && !above.Any(r => IsTopLevelAdjustment(Bare(r))) ? grand : null;
    }

    private static bool IsTopLevelAdjustment(string label) =>
        label.Contains("结余") || label.Contains("结转") || label.Contains("余额") || label.Contains("用事业基金弥补") || label.Contains("提取") || label.Contains("事业基金");
}

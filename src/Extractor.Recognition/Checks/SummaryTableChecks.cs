using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// t01 (and budget t01): 本年收入合计 = Σ income items; 本年支出合计 = Σ expenditure items (per group where the
/// expenditure side lists two classifications); 总计 = 合计 + the 结转/结余 lines on each side; 总计(收) = 总计(支).
/// The totals and 结转 lines are found by their roles (RowMeanings).
/// </summary>
public static class SummaryTableChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => t.Id is TableIds.FinalSummary or TableIds.BudgetSummary))
        {
            var p = RulePrefix(t.Id);
            var incomeTotal = Row(t, RowMeanings.IncomeTotal, "income");
            var expenditureTotal = Row(t, RowMeanings.ExpenditureTotal, "expenditure");
            var incomeGrand = Row(t, RowMeanings.GrandTotal, "income");
            var expenditureGrand = Row(t, RowMeanings.GrandTotal, "expenditure");
            SideSum(t, "income", incomeTotal, $"{p}.income_total_equals_income_rows", ctx, checks);
            SideSum(t, "expenditure", expenditureTotal, $"{p}.expenditure_total_equals_expenditure_rows", ctx, checks);
            if (incomeTotal is null || incomeTotal != incomeGrand) GrandTotal(t, "income", incomeTotal, incomeGrand, $"{p}.income_grand_total", ctx, checks);
            if (expenditureTotal is null || expenditureTotal != expenditureGrand) GrandTotal(t, "expenditure", expenditureTotal, expenditureGrand, $"{p}.expenditure_grand_total", ctx, checks);
            if (Amount(t, incomeGrand) is { } ig && Amount(t, expenditureGrand) is { } eg)
                checks.Compare($"{p}.income_grand_total_equals_expenditure_grand_total", ig, eg, Tolerance.ForPair(ig, eg),
                    "总计(收) = 总计(支)", Evidence(t, incomeGrand), Evidence(t, expenditureGrand));
            else checks.Missing($"{p}.income_grand_total_equals_expenditure_grand_total", CheckStatus.InsufficientData, "总计 not printed on both sides");
        }
    }

    /// <summary>The items are the side's "一、…" rows above its 合计 (sub-items "1.…" are parts of them).</summary>
    private static void SideSum(ReportTable t, string side, ReportRow? total, string rule, CheckContext ctx, CheckBuilder checks)
    {
        if (Amount(t, total) is not { } printed) { checks.Missing(rule, CheckStatus.InsufficientData, "合计 not printed"); return; }
        var rows = t.Rows.Where(r => r.Side == side).ToList();
        var end = rows.IndexOf(total!);
        foreach (var group in rows.Take(end).Where(r => IsChineseOrdinal(r) && !IsTotalOrCarry(r)).GroupBy(r => r.Group))
        {
            var items = group.Select(r => Amount(t, r)).OfType<decimal>().ToList();
            if (items.Count == 0) continue;
            checks.Compare(rule, items.Sum(), printed, Tolerance.ForSum(printed, items, ctx.RoundingNoted),
                $"{t.Id} {side}{(group.Key is null ? "" : "/" + group.Key)}: Σ items vs {Label(total!)}", Evidence(t, total));
        }
    }

    private static bool IsTotalOrCarry(ReportRow r) =>
        r.Is(RowMeanings.IncomeTotal) || r.Is(RowMeanings.ExpenditureTotal) || r.Is(RowMeanings.GrandTotal)
        || r.Is(RowMeanings.CarryoverOpening) || r.Is(RowMeanings.CarryoverClosing) || r.Is(RowMeanings.Adjustment);

    private static void GrandTotal(ReportTable t, string side, ReportRow? total, ReportRow? grand, string rule, CheckContext ctx, CheckBuilder checks)
    {
        if (Amount(t, total) is not { } sub || Amount(t, grand) is not { } printed) { checks.Missing(rule, CheckStatus.InsufficientData, "合计 or 总计 not printed"); return; }
        // Within the total's own group: some provinces print the expenditure side twice or three times over.
        var rows = t.Rows.Where(r => r.Side == side && r.Group == total!.Group).ToList();
        var from = rows.IndexOf(total!);
        var to = rows.IndexOf(grand!);
        // Between 合计 and 总计: 年初结转和结余 / 使用非财政拨款结余 (收), 年末结转和结余 / 结余分配 (支). A side printed as
        // several label columns repeats each such line once per column: a line counts once.
        var parts = rows.Skip(from + 1).Take(Math.Max(0, to - from - 1))
            .Where(r => r.Is(RowMeanings.CarryoverOpening) || r.Is(RowMeanings.CarryoverClosing) || r.Is(RowMeanings.Adjustment))
            .DistinctBy(r => Label(r)).Select(r => Amount(t, r)).OfType<decimal>().ToList();
        var summands = parts.Prepend(sub).ToList();
        checks.Compare(rule, summands.Sum(), printed, Tolerance.ForSum(printed, summands, ctx.RoundingNoted),
            $"{t.Id} {side}: 合计 + 结转结余 vs 总计", Evidence(t, grand));
    }
}

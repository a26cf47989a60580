using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Figures one table repeats from another: t02 合计 = t01 本年收入合计, t03 合计 = t01 本年支出合计,
/// t04 一般公共预算财政拨款 支出 = t05 合计, t06 人员经费合计 + 公用经费合计 = t05 基本支出合计.
/// </summary>
public static class CrossTableChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        var t01 = ctx.Table(TableIds.FinalSummary);
        var t02 = ctx.Table(TableIds.FinalIncome);
        var t03 = ctx.Table(TableIds.FinalExpenditure);
        var t04 = ctx.Table(TableIds.FinalFiscalSummary);
        var t05 = ctx.Table(TableIds.FinalGeneralBudget);
        var t06 = ctx.Table(TableIds.FinalGeneralBudgetBasic);

        var t01Income = Row(t01, RowMeanings.IncomeTotal, "income");
        var t02Total = Row(t02, RowMeanings.Total);
        // The income table's year total: its 本年收入(合计) column where it prints carried-in funds beside it.
        Same(checks, "t02.total_equals_t01_income_total", t02, t02Total, Measure(t02, t02Total, "income_this_year") ?? Amount(t02, t02Total),
            t01, t01Income, Amount(t01, t01Income));
        var t01Expenditure = Row(t01, RowMeanings.ExpenditureTotal, "expenditure");
        var t03Total = Row(t03, RowMeanings.Total);
        Same(checks, "t03.total_equals_t01_expenditure_total", t03, t03Total, Amount(t03, t03Total), t01, t01Expenditure, Amount(t01, t01Expenditure));

        var t04Row = Row(t04, RowMeanings.ExpenditureTotal, "expenditure");
        var t05Total = Row(t05, RowMeanings.Total);
        Same(checks, "t04.general_budget_expenditure_equals_t05_total", t04, t04Row, Measure(t04, t04Row, "general_budget"),
            t05, t05Total, Amount(t05, t05Total));

        if (t06 is not null && t05 is not null)
        {
            var personnel = Row(t06, "personnel");
            var pub = Row(t06, "public");
            var basic = Measure(t05, t05Total, "basic");
            if (Amount(t06, personnel) is { } a && Amount(t06, pub) is { } b && basic is { } c)
                checks.Compare("t06.personnel_plus_public_equals_t05_basic", a + b, c, Tolerance.ForSum(c, [a, b], ctx.RoundingNoted),
                    "t06 人员经费合计 + 公用经费合计 vs t05 合计 基本支出", Evidence(t06, personnel), Evidence(t05, t05Total));
            else checks.Missing("t06.personnel_plus_public_equals_t05_basic", CheckStatus.InsufficientData, "人员经费合计, 公用经费合计 or t05 基本支出 not printed");
        }
    }

    private static void Same(CheckBuilder checks, string rule, ReportTable? ta, ReportRow? ra, decimal? a, ReportTable? tb, ReportRow? rb, decimal? b)
    {
        if (ta is null || tb is null) { checks.Missing(rule, CheckStatus.NotApplicable, "table not printed"); return; }
        if (a is null || b is null) { checks.Missing(rule, CheckStatus.InsufficientData, "figure not printed"); return; }
        // Both tables declare their unit; compare in 万元.
        var av = Amounts.MoneyUnit.ToWan(a.Value, ta.Unit);
        var bv = Amounts.MoneyUnit.ToWan(b.Value, tb.Unit);
        checks.Compare(rule, bv, av, Tolerance.ForPair(a.Value, b.Value), $"{ta.Id} vs {tb.Id}", Evidence(ta, ra), Evidence(tb, rb));
    }
}

using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;
using F = Extractor.Recognition.Meaning.PerformanceFields;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A budget's 部门整体支出绩效目标表 prints the department's money for the year (资金总额; by source 一般公共预算 …; by
/// purpose 基本支出 | 项目支出), which the same report's tables print too: 资金总额 = t01 本年支出合计, 一般公共预算 = t04's
/// 一般公共预算 支出 (or t05 合计), 基本支出 / 项目支出 = t01's (or t03 合计's) 基本支出 / 项目支出; a form whose 资金总额 is
/// t01's 支出总计 with next year's carry-over agrees with that, and its split is not compared. Only the
/// department's own line is compared (one line, or the form's 合计); a figure either side does not print is
/// insufficient_data, never a guess.
/// </summary>
public static class DepartmentFormChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        var form = ctx.Table("budget.x_department_performance_targets");
        if (form is null) return;
        var line = Department(form);
        decimal? Own(Func<string?, bool> field) => line?.Values.Where(kv => F.Parts(kv.Key) is var p && (p.Source is null or F.FundsTotal || p.Source == p.Figure) && field(p.Figure))
            .Select(kv => (decimal?)kv.Value).FirstOrDefault();

        var t01 = ctx.Table(TableIds.BudgetSummary);
        var t03 = ctx.Table(TableIds.BudgetExpenditure);
        var t04 = ctx.Table(TableIds.BudgetFiscalSummary);
        var t05 = ctx.Table(TableIds.BudgetGeneralFunctional);

        var t01Total = Row(t01, RowMeanings.ExpenditureTotal, "expenditure");
        var t01Grand = Row(t01, RowMeanings.GrandTotal, "expenditure");
        var formTotal = Own(f => f == F.FundsTotal);
        // The form may count the year's money with what is carried to next year (its 资金总额 = t01 支出总计, not 本年支出合计):
        // the total then agrees with 支出总计, and its 基本/项目 split holds money the expenditure tables do not list.
        var withCarryover = formTotal is { } ft && Amount(t01, t01Total) is { } year && Amount(t01, t01Grand) is { } grand && grand != year
            && Tolerance.Within(ToWan(grand, t01!), ToWan(ft, form), Tolerance.ForPair(ft, grand));
        if (withCarryover)
            Same(checks, "perf.department_total_equals_t01_expenditure_total", form, line, formTotal, "资金总额", t01, t01Grand, Amount(t01, t01Grand), "支出总计");
        else
            Same(checks, "perf.department_total_equals_t01_expenditure_total", form, line, formTotal, "资金总额", t01, t01Total, Amount(t01, t01Total), "本年支出合计");

        var own = Own(f => f == F.FundsGeneralBudget);
        var t04Row = Row(t04, RowMeanings.ExpenditureTotal, "expenditure");
        if (Own(f => f == F.FundsFiscal) is { } fiscal)
            Same(checks, "perf.department_fiscal_equals_t04_total", form, line, fiscal, "财政拨款", t04, t04Row, Amount(t04, t04Row), "财政拨款 支出合计");
        var t05Total = Row(t05, RowMeanings.Total);
        var (gt, gr, gv) = Measure(t04, t04Row, "general_budget") is { } g ? (t04, t04Row, (decimal?)g) : (t05, t05Total, Amount(t05, t05Total));
        if (own is not null) Same(checks, "perf.department_general_budget_equals_t04", form, line, own, "一般公共预算", gt, gr, gv, "一般公共预算 支出");

        foreach (var (field, role, rule, name) in new[]
                 {
                     (F.SpendingBasic, "basic", "perf.department_basic_equals_t01_or_t03", "基本支出"),
                     (F.SpendingProject, "project", "perf.department_project_equals_t01_or_t03", "项目支出"),
                 })
        {
            if ((Own(f => f == field) ?? BySources(line, field)) is not { } figure)
            {
                // Printed under each source but not to be added up (a source's split not holding): no figure to compare.
                if (line?.Values.Keys.Any(k => F.Parts(k).Figure == field) == true)
                    checks.Missing(rule, CheckStatus.InsufficientData, $"{form.Id}: {name} printed only under its sources, whose 基本支出 + 项目支出 do not make up their 合计");
                continue;
            }
            if (withCarryover)
            {
                checks.Missing(rule, CheckStatus.InsufficientData, $"{form.Id} {name} {figure}: the form's 资金总额 is t01's 支出总计 with next year's carry-over, which the expenditure tables' {name} does not hold");
                continue;
            }
            var row = Row(t01, role, "expenditure");
            var (tt, tr, tv) = Amount(t01, row) is { } a ? (t01, row, (decimal?)a) : (t03, Row(t03, RowMeanings.Total), Measure(t03, Row(t03, RowMeanings.Total), role));
            Same(checks, rule, form, line, figure, name, tt, tr, tv, name);
        }
    }

    /// <summary>
    /// 基本支出 (项目支出) printed only under each source (财政拨款/基本支出, 其他资金/基本支出): their sum, when the sources
    /// printed with a 合计 add up to the line's 资金总额 (the sources left blank are then nothing) and each source's parts
    /// add up to its 合计 (a part it leaves blank is then nothing).
    /// </summary>
    private static decimal? BySources(ReportRow? line, string field)
    {
        if (line is null) return null;
        var total = line.Values.Where(kv => F.Parts(kv.Key).Figure == F.FundsTotal).Select(kv => (decimal?)kv.Value).FirstOrDefault();
        var sources = line.Values.Where(kv => !kv.Key.Contains('/') && F.Parts(kv.Key) is var p && p.Source is not null and not F.FundsTotal && kv.Value != 0).ToList();
        if (total is not { } whole || sources.Count == 0 || !Tolerance.Within(whole, sources.Sum(kv => kv.Value), Tolerance.ForSum(whole, sources.Select(kv => kv.Value).ToList(), false))) return null;
        decimal sum = 0;
        foreach (var (source, amount) in sources)
        {
            var part = line.Values.Where(kv => kv.Key.StartsWith(source + "/") && F.Parts(kv.Key).Figure == field).Select(kv => (decimal?)kv.Value).FirstOrDefault();
            // The source's own split must hold (基本支出 + 项目支出 = its 合计) before its part is added to another's.
            var split = line.Values.Where(kv => kv.Key.StartsWith(source + "/") && F.IsByPurpose(F.Parts(kv.Key).Figure)).Select(kv => kv.Value).ToList();
            if (!Tolerance.Within(amount, split.Sum(), Tolerance.ForSum(amount, split, false))) return null;
            // A part left blank where the other makes up the source's 合计 (其他资金 8,626.14 all 项目支出) is nothing.
            sum += part ?? 0;
        }
        return sum;
    }

    /// <summary>The department's line: the form's only project line, or its 合计 when it lists several units.</summary>
    internal static ReportRow? Department(ReportTable form)
    {
        // A 合计 of money (a self-evaluation's 总分 line closes its indicators, not its money).
        var total = form.Rows.FirstOrDefault(r => r.Is(F.TotalRow) && r.Values.Keys.Any(k => F.IsMoney(F.Parts(k).Figure)));
        if (total is not null) return total;
        var lines = form.Rows.Where(r => r.Is(F.ProjectRow) && r.Values.Count > 0).ToList();
        return lines.Count == 1 ? lines[0] : null;
    }

    private static decimal ToWan(decimal value, ReportTable t) => Amounts.MoneyUnit.ToWan(value, t.Unit);

    internal static void Same(CheckBuilder checks, string rule, ReportTable form, ReportRow? line, decimal? figure, string name,
        ReportTable? table, ReportRow? row, decimal? printed, string printedName)
    {
        if (line is null || figure is null)
        {
            checks.Missing(rule, CheckStatus.InsufficientData, $"{form.Id}: no single department line with its {name}");
            return;
        }
        if (table is null || printed is null)
        {
            checks.Missing(rule, CheckStatus.InsufficientData, $"{form.Id} {name} {figure}: the report prints no {printedName} to compare");
            return;
        }
        var a = Amounts.MoneyUnit.ToWan(figure.Value, form.Unit);
        var b = Amounts.MoneyUnit.ToWan(printed.Value, table.Unit);
        checks.Compare(rule, b, a, Tolerance.ForPair(a, b), $"{form.Id} p{line.Provenance?.Page} {name} {a} vs {table.Id} {printedName} {b} (万元)",
            Evidence(form, line), Evidence(table, row));
    }
}

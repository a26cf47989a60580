using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;
using F = Extractor.Recognition.Meaning.PerformanceFields;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A final account's 部门整体支出绩效自评表 prints what the department spent in the year (全年执行数 of its 年度资金总额;
/// of 财政拨款; of 基本支出 | 项目支出), which the same final account's tables print as its 决算: 全年执行数 = t01
/// 本年支出合计, 财政拨款's = t04 本年支出合计, 基本支出 / 项目支出 = t03 合计's (or t01's where it lists them). Only the
/// department's own line is compared (its one line, or the form's 合计); a figure either side does not print is
/// insufficient_data, never a guess. (A budget's department-wide form: <see cref="DepartmentFormChecks"/>.)
/// </summary>
public static class DepartmentSelfEvaluationChecks
{
    public const string Id = "final.x_department_self_evaluation";

    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        var form = ctx.Table(Id);
        if (form is null) return;
        var line = DepartmentFormChecks.Department(form);
        // 全年执行数 of the source (年度资金总额 when none is named): "年度资金总额/全年执行数", "财政拨款/全年执行数".
        decimal? Spent(Func<string?, bool> source) => line?.Values
            .Where(kv => F.Parts(kv.Key) is var p && p.Figure == F.Expenditure && source(p.Source))
            .Select(kv => (decimal?)kv.Value).FirstOrDefault();

        var t01 = ctx.Table(TableIds.FinalSummary);
        var t03 = ctx.Table(TableIds.FinalExpenditure);
        var t04 = ctx.Table(TableIds.FinalFiscalSummary);

        var t01Total = Row(t01, RowMeanings.ExpenditureTotal, "expenditure");
        DepartmentFormChecks.Same(checks, "perf.department_expenditure_equals_t01_expenditure_total", form, line, Spent(s => s is null or F.FundsTotal),
            "全年执行数", t01, t01Total, Amount(t01, t01Total), "本年支出合计");

        if (Spent(s => s == F.FundsFiscal) is { } fiscal)
        {
            var t04Total = Row(t04, RowMeanings.ExpenditureTotal, "expenditure");
            DepartmentFormChecks.Same(checks, "perf.department_fiscal_expenditure_equals_t04_total", form, line, fiscal, "财政拨款 全年执行数",
                t04, t04Total, Amount(t04, t04Total), "本年支出合计");
        }

        foreach (var (field, role, rule, name) in new[]
                 {
                     (F.SpendingBasic, "basic", "perf.department_basic_expenditure_equals_t03", "基本支出"),
                     (F.SpendingProject, "project", "perf.department_project_expenditure_equals_t03", "项目支出"),
                 })
        {
            if (Spent(s => s == field) is not { } figure) continue;
            var total = Row(t03, RowMeanings.Total);
            var (table, row, printed) = Measure(t03, total, role) is { } v ? (t03, total, (decimal?)v)
                : Row(t01, role, "expenditure") is { } r && Amount(t01, r) is { } a ? (t01, r, a) : (t03, total, null);
            DepartmentFormChecks.Same(checks, rule, form, line, figure, name + " 全年执行数", table, row, printed, name);
        }
    }
}

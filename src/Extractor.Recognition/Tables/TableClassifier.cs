using System.Text.RegularExpressions;
using Extractor.Core.Report;
using Extractor.Core.Text;

namespace Extractor.Recognition.Tables;

/// <summary>
/// Gives a table its SCHEMA §2 id: from the printed title first, then from the header's signature (the
/// title may sit on the previous page or be missing), then from the 公开NN表 number. A title that
/// matches nothing keeps an x_ id built from its words rather than being forced into the standard sets.
/// </summary>
public static partial class TableClassifier
{
    public sealed record Result(string Id, string? Title);

    public static Result Classify(IReadOnlyList<string> caption, IReadOnlyList<string> headerTexts, string documentKind)
    {
        var title = Title(caption);
        var kind = KindOf(title, documentKind);
        var t = title is null ? string.Empty : TextNormalizer.Compact(title);
        var byTitle = t.Length == 0 ? null : kind switch
        {
            DocumentKinds.Budget => BudgetByTitle(t),
            DocumentKinds.PerformanceEvaluation => PerfByTitle(t),
            _ => FinalByTitle(t) ?? PerfByTitle(t),
        };
        var byHeader = ByHeader(headerTexts, kind);
        var byNumber = kind == DocumentKinds.FinalAccount ? ByPublicNumber(caption) : null;
        var id = byTitle ?? byHeader ?? byNumber;
        if (id is null && t.Length > 0) id = Prefix(kind) + ".x_" + SnakeName.Of(t);
        // The list of units a department's figures cover (序号 | 单位名称), printed under 单位构成 without a title.
        if (id is null && IsUnitList(headerTexts)) id = Prefix(kind) + ".x_units";
        return new Result(id ?? Prefix(kind) + ".x_table", title);
    }

    private static bool IsUnitList(IReadOnlyList<string> headerTexts)
    {
        var header = TextNormalizer.Compact(string.Concat(headerTexts));
        return header.Contains("单位名称") && !header.Contains("金额") && !header.Contains("合计") && !header.Contains("数");
    }

    /// <summary>The caption line naming the table: ends in 表 (maybe with a bracket), not the 公开NN表 label or a unit line.</summary>
    public static string? Title(IReadOnlyList<string> caption)
    {
        for (var i = caption.Count - 1; i >= 0; i--)
        {
            var c = TextNormalizer.Compact(caption[i]);
            if (Label(c)) continue;
            if (!TitleShape().IsMatch(c)) continue;
            // A wide title wrapped with only its last glyphs on the second line ("…支出预算" / "表").
            if (c.Length <= 3 && i > 0 && TextNormalizer.Compact(caption[i - 1]) is { Length: > 0 } before && !Label(before) && !TitleShape().IsMatch(before))
                return TextNormalizer.Join(caption[i - 1].Trim(), caption[i].Trim());
            return caption[i].Trim();
        }
        return null;
    }

    private static bool Label(string c) =>
        PublicNumber().IsMatch(c) && c.Length <= 8
        || c.StartsWith("部门:") || c.StartsWith("单位:") || c.StartsWith("编制单位") || c.Contains("单位:万元") || c.Contains("单位:元");

    private static string KindOf(string? title, string documentKind)
    {
        if (title is null) return documentKind;
        var t = TextNormalizer.Compact(title);
        if (t.Contains("绩效")) return t.Contains("预算") && !t.Contains("自评") ? DocumentKinds.Budget : documentKind == DocumentKinds.Unknown ? DocumentKinds.PerformanceEvaluation : documentKind;
        if (t.Contains("决算")) return DocumentKinds.FinalAccount;
        if (t.Contains("预算")) return DocumentKinds.Budget;
        return documentKind;
    }

    private static string Prefix(string kind) => kind switch
    {
        DocumentKinds.Budget => "budget",
        DocumentKinds.PerformanceEvaluation => "perf",
        _ => "final",
    };

    private static string? FinalByTitle(string t)
    {
        if (t.Contains("三公")) return TableIds.FinalThreePublic;
        if (t.Contains("国有资本经营")) return TableIds.FinalStateCapital;
        if (t.Contains("政府性基金")) return TableIds.FinalGovernmentFund;
        if (t.Contains("一般公共预算") && t.Contains("基本支出")) return TableIds.FinalGeneralBudgetBasic;
        if (t.Contains("一般公共预算") && t.Contains("项目支出")) return "final.x_general_budget_project_expenditure";
        if (t.Contains("一般公共预算") && t.Contains("支出")) return TableIds.FinalGeneralBudget;
        if (t.Contains("财政拨款收入支出") || t.Contains("财政拨款收支")) return TableIds.FinalFiscalSummary;
        if (t.Contains("财政拨款支出决算明细")) return "final.x_fiscal_expenditure_detail";
        if (t.Contains("财政拨款支出")) return "final.x_fiscal_expenditure";
        if (t.Contains("收入支出决算总表") || t.Contains("收支决算总表") || t.Contains("收入支出决算表") || t.Contains("收支总体情况")) return TableIds.FinalSummary;
        if (t.Contains("收入决算")) return TableIds.FinalIncome;
        if (t.Contains("支出决算")) return TableIds.FinalExpenditure;
        return null;
    }

    private static string? BudgetByTitle(string t)
    {
        if (t.Contains("三公")) return TableIds.BudgetThreePublic;
        if (t.Contains("机关运行经费")) return "budget.x_operating_costs";
        if (t.Contains("政府采购")) return "budget.x_procurement";
        if (t.Contains("绩效目标"))
            return t.Contains("整体") ? "budget.x_department_performance_targets"
                : t.Contains("专项资金") ? "budget.x_special_fund_performance_targets" : "budget.x_project_performance_targets";
        if (t.Contains("国有资本经营")) return TableIds.BudgetStateCapital;
        if (t.Contains("政府性基金")) return TableIds.BudgetGovernmentFund;
        if (t.Contains("一般公共预算") && t.Contains("基本支出")) return TableIds.BudgetGeneralBasicEconomic;
        if (t.Contains("一般公共预算") && t.Contains("经济分类")) return "budget.x_general_budget_economic";
        if (t.Contains("一般公共预算")) return TableIds.BudgetGeneralFunctional;
        if (t.Contains("财政拨款收支") || t.Contains("财政拨款收入支出")) return TableIds.BudgetFiscalSummary;
        if (t.Contains("财政拨款基本支出")) return "budget.x_fiscal_basic_expenditure";
        if (t.Contains("财政拨款支出")) return "budget.x_fiscal_expenditure";
        // Hunan and others title them by 总体情况: 部门收支总体情况表, 部门收入总体情况表, 部门支出总体情况表.
        if (t.Contains("收支预算总表") || t.Contains("收支总表") || t.Contains("收入支出预算总表") || t.Contains("财务收支") || t.Contains("收支总体情况")) return TableIds.BudgetSummary;
        if (t.Contains("收入预算") || t.Contains("收入总表") || t.Contains("收入总体情况")) return TableIds.BudgetRevenue;
        if (t.Contains("基本支出")) return "budget.x_basic_expenditure";
        if (t.Contains("项目支出")) return "budget.x_project_expenditure";
        if (t.Contains("支出预算") || t.Contains("支出总表") || t.Contains("支出总体情况")) return TableIds.BudgetExpenditure;
        return null;
    }

    private static string? PerfByTitle(string t)
    {
        if (t.Contains("共性指标")) return "perf.x_indicator_scores";
        if (t.Contains("自评表") || t.Contains("绩效目标自评")) return "perf.x_self_evaluation";
        if (t.Contains("绩效指标")) return "perf.x_performance_indicators";
        if (t.Contains("项目支出情况")) return "perf.x_project_expenditure";
        if (t.Contains("自评") && (t.Contains("得分") || t.Contains("分数") || t.Contains("结果"))) return "final.x_project_self_evaluation_scores";
        return null;
    }

    /// <summary>The header alone: each standard table prints a recognisable set of column names.</summary>
    private static string? ByHeader(IReadOnlyList<string> header, string kind)
    {
        if (header.Count == 0) return null;
        var h = string.Join("|", header);
        bool Has(string s) => h.Contains(s);
        var budget = kind == DocumentKinds.Budget;
        if (Has("自评") && (Has("分数") || Has("得分"))) return "final.x_project_self_evaluation_scores";
        if (Has("因公出国") && Has("公务接待")) return budget ? TableIds.BudgetThreePublic : TableIds.FinalThreePublic;
        if (Has("人员经费") && Has("公用经费")) return budget ? TableIds.BudgetGeneralBasicEconomic : TableIds.FinalGeneralBudgetBasic;
        var twoSided = header.Count(x => x is "项目" or "收入" or "支出" or "收入项目" or "支出项目") >= 2 || Has("收入") && Has("支出") && header.Count(x => x == "项目") >= 1 && Has("行次");
        if (twoSided && (Has("一般公共预算财政拨款") || Has("一般公共预算") && Has("政府性基金")))
            return budget ? TableIds.BudgetFiscalSummary : TableIds.FinalFiscalSummary;
        if (twoSided) return budget ? TableIds.BudgetSummary : TableIds.FinalSummary;
        if (Has("年初结转和结余") && Has("本年收入") && Has("本年支出") && !Has("本年收入合计")) return budget ? null : TableIds.FinalGovernmentFund;
        if (Has("本年收入合计") || Has("财政拨款收入") && Has("上级补助收入")) return budget ? TableIds.BudgetRevenue : TableIds.FinalIncome;
        if (Has("上缴上级支出") || Has("对附属单位补助支出") || Has("经营支出")) return budget ? TableIds.BudgetExpenditure : TableIds.FinalExpenditure;
        return null;
    }

    /// <summary>公开01表…公开09表 number the nine standard final-account tables in most provinces.</summary>
    private static string? ByPublicNumber(IReadOnlyList<string> caption)
    {
        foreach (var line in caption)
        {
            var m = PublicNumber().Match(TextNormalizer.Compact(line));
            if (!m.Success) continue;
            return int.Parse(m.Groups[1].Value) switch
            {
                1 => TableIds.FinalSummary, 2 => TableIds.FinalIncome, 3 => TableIds.FinalExpenditure,
                4 => TableIds.FinalFiscalSummary, 5 => TableIds.FinalGeneralBudget, 6 => TableIds.FinalGeneralBudgetBasic,
                7 => TableIds.FinalThreePublic, 8 => TableIds.FinalGovernmentFund, 9 => TableIds.FinalStateCapital,
                _ => null,
            };
        }
        return null;
    }

    [GeneratedRegex(@"公开(\d{1,2})表")]
    private static partial Regex PublicNumber();

    [GeneratedRegex(@"表$|表[(（][^)）]*[)）]$|表\d*$")]
    private static partial Regex TitleShape();
}

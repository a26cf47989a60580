using Extractor.Core.Report;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// What a label or column header of a performance form is (perf-fields.tsv), and the roles of a form's columns:
/// a column is named as printed, a figure under a sub-heading as "source/heading" (年度资金总额/全年执行数), and its
/// measure says what facts and checks read it as (perf_funds, perf_expenditure, perf_rate, perf_weight, perf_score,
/// perf_funds_total, perf_funds_fiscal…).
/// </summary>
public static class PerformanceFields
{
    private static readonly Lexicon Fields = Lexicon.Embedded("perf-fields.tsv");

    public const string ProjectName = "project_name", UnitCode = "unit_code", Department = "department", Implementer = "implementer",
        FundsGroup = "funds_group", FundsTotal = "funds_total", FundsFiscal = "funds_fiscal", FundsCarryover = "funds_carryover",
        FundsOther = "funds_other", TargetText = "target_text", ActualText = "actual_text", Level1 = "level1", Level2 = "level2",
        Level3 = "level3", Comparison = "comparison", TargetValue = "target_value", TargetUnit = "target_unit",
        ActualValue = "actual_value", Weight = "weight", Score = "score", Deviation = "deviation", Note = "note",
        BudgetInitial = "budget_initial", BudgetYear = "budget_year", Expenditure = "expenditure", Rate = "rate",
        RateWeight = "rate_weight", Total = "total", FundsGeneralBudget = "funds_general_budget",
        FundsGovernmentFund = "funds_government_fund", FundsSpecialAccount = "funds_special_account",
        SpendingBasic = "spending_basic", SpendingProject = "spending_project";

    /// <summary>
    /// Row roles a form's rows carry (set by the reader, read by facts and checks). unit_total: a 预算单位's own line
    /// (its name and 资金总额) over the projects listed under it, as RowMeanings names a unit's 合计.
    /// </summary>
    public const string ProjectRow = "project", IndicatorRow = "indicator", TotalRow = "total", UnitRow = RowMeanings.UnitTotal;

    /// <summary>The field a printed label or header is, or null.</summary>
    public static string? Of(string text)
    {
        var key = Lexicon.Key(text);
        if (key.Length == 0) return null;
        foreach (var e in Fields.Entries)
            if (Lexicon.Matches(e["match"], e["pattern"], key)) return e["field"];
        return null;
    }

    public static bool IsMoney(string? field) => field is FundsTotal or FundsFiscal or FundsCarryover or FundsOther or BudgetInitial or BudgetYear or Expenditure
        || IsBySource(field) || IsByPurpose(field);

    /// <summary>A department-wide form's money by source (按收入性质分), beside 其他资金: never printed with 财政拨款 above them.</summary>
    public static bool IsBySource(string? field) => field is FundsGeneralBudget or FundsGovernmentFund or FundsSpecialAccount;

    /// <summary>A department-wide form's money by purpose (按支出性质分): 基本支出 and 项目支出, which add up to 资金总额 too.</summary>
    public static bool IsByPurpose(string? field) => field is SpendingBasic or SpendingProject;

    /// <summary>Fields whose figures are read as numbers (money, rates, weights, scores).</summary>
    public static bool IsFigure(string? field) => IsMoney(field) || field is Rate or Weight or Score or RateWeight;

    /// <summary>The source (年度资金总额, 财政拨款…) and the figure (全年预算数, 执行率…) a form's column name says.</summary>
    public static (string? Source, string? Figure) Parts(string column)
    {
        var segments = Segments(column);
        var fields = segments.Select(Of).ToList();
        if (segments.Length == 1) return (IsFunds(fields[0]) ? fields[0] : null, fields[0]);
        return (fields[0], fields[^1]);
    }

    /// <summary>
    /// A column name's source and heading ("年度资金总额/执行率(B/A)" → 年度资金总额 | 执行率(B/A)): split at the slashes
    /// the reader put between them, not at one printed inside a bracket (执行率(B/A), B/A being 执行数 over 预算数).
    /// </summary>
    public static string[] Segments(string column)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var c = column[i];
            if (c is '(' or '（') depth++;
            else if (c is ')' or '）' && depth > 0) depth--;
            else if (c == '/' && depth == 0) { parts.Add(column[start..i]); start = i + 1; }
        }
        parts.Add(column[start..]);
        return parts.ToArray();
    }

    private static bool IsFunds(string? f) => f is FundsTotal or FundsFiscal or FundsCarryover or FundsOther;

    /// <summary>The role of every column of a form (ColumnMeanings defers to this for the forms family).</summary>
    public static Dictionary<string, ColumnMeaning> Roles(IReadOnlyList<string> columns)
    {
        var roles = new Dictionary<string, ColumnMeaning>();
        foreach (var name in columns.Distinct())
        {
            var (source, figure) = Parts(name);
            var kind = figure switch
            {
                Rate => ColumnKinds.Percent,
                Weight or Score or RateWeight => ColumnKinds.Quantity,
                _ when IsMoney(figure) => ColumnKinds.Amount,
                _ => ColumnKinds.Text,
            };
            // The project's own figures (its 年度资金总额 line, or a figure with no source) are the perf_* measures facts
            // read; a source's (财政拨款/全年执行数) keep the source in their measure.
            var measure = figure is null ? null : "perf_" + figure switch
            {
                BudgetYear => "funds", Expenditure => "expenditure", _ => figure,
            };
            if (measure is not null && source is not null && source != figure && source != FundsTotal) measure = "perf_" + source + ":" + measure;
            var basis = figure is BudgetYear or BudgetInitial ? "budget" : figure is Expenditure ? "actual" : null;
            roles[name] = new ColumnMeaning(kind, measure, basis);
        }
        return roles;
    }
}

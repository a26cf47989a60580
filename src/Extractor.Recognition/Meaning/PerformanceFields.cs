using System.Text.RegularExpressions;
using Extractor.Core.Text;
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

    /// <summary>The lexicon's entries in order, each pattern made once (the regex cache holds fewer patterns than the lexicon has).</summary>
    private static readonly (string Field, Func<string, bool> Matches)[] Matchers = Fields.Entries
        .Select(e => (e["field"], e["match"] == "regex" ? new Regex(e["pattern"]).IsMatch : (Func<string, bool>)(key => Lexicon.Matches(e["match"], e["pattern"], key))))
        .ToArray();

    /// <summary>The field a printed label or header is, or null.</summary>
    public static string? Of(string text)
    {
        var key = Lexicon.Key(text);
        return key.Length == 0 ? null : OfKey(key);
    }

    private static string? OfKey(string key)
    {
        foreach (var (field, matches) in Matchers)
            if (matches(key)) return field;
        return null;
    }

    /// <summary>A header read from an image is matched one glyph off only when at least this long: 一级 and 二级, 分值 and 得分 are one glyph apart.</summary>
    public const int MinNearLength = 4;

    /// <summary>... and at most this long: the longest name the lexicon holds (偏差原因分析及改进措施) is 11 characters; a longer cell is no name.</summary>
    public const int MaxNearLength = 16;

    /// <summary>The characters the lexicon's names are written with: what a misread glyph may have been.</summary>
    private static readonly HashSet<char> NameCharacters = Fields.Entries.SelectMany(e => e["pattern"]).Where(TextNormalizer.IsCjk).ToHashSet();

    /// <summary>
    /// For a header read from a page image (OCR misreads a glyph of a like shape: 续效指标性质 for 绩效指标性质, 一缺指标
    /// for 一级指标): the name one character away from the text (in place, the rest as read) that is a field's, with the
    /// field, when exactly one field is that near; null when the text names a field as read, is shorter than
    /// <see cref="MinNearLength"/>, is as near two fields (三级指标 misread in its first glyph is as near 一级 and 二级),
    /// or has more than one character the lexicon's names are not written with (a name is its characters but the one
    /// misread: the indicator lines' words, 产出指标 or 物品发放及时率, are passed over at once).
    /// </summary>
    public static (string Name, string Field)? NearOf(string text)
    {
        var key = Lexicon.Key(text);
        if (key.Length < MinNearLength || key.Length > MaxNearLength) return null;
        var foreign = Enumerable.Range(0, key.Length).Where(i => TextNormalizer.IsCjk(key[i]) && !NameCharacters.Contains(key[i])).ToList();
        if (foreign.Count > 1 || OfKey(key) is not null) return null;
        (string Name, string Field)? found = null;
        var chars = key.ToCharArray();
        foreach (var i in foreign.Count == 1 ? foreign : Enumerable.Range(0, chars.Length))
        {
            if (!TextNormalizer.IsCjk(chars[i])) continue;
            var read = chars[i];
            foreach (var c in NameCharacters)
            {
                if (c == read) continue;
                chars[i] = c;
                var name = new string(chars);
                if (OfKey(name) is not { } field) continue;
                if (found is { } f && f.Field != field) return null;
                found ??= (name, field);
            }
            chars[i] = read;
        }
        return found;
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

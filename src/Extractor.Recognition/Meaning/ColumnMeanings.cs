using System.Text.RegularExpressions;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// Gives every amount column of a canonical table its <see cref="ColumnMeaning"/> from its header path alone:
/// kind from column-kinds.tsv, measure from measures.tsv, basis (预算数 / 决算数), period (another year's
/// figures) and a unit the header declares for that column. Facts and checks read these roles; nothing else
/// matches header text.
/// </summary>
public static partial class ColumnMeanings
{
    private static readonly Lexicon KindLexicon = Lexicon.Embedded("column-kinds.tsv");
    private static readonly Lexicon MeasureLexicon = Lexicon.Embedded("measures.tsv");

    /// <summary>The order kinds win in when several entries match one header (a 增减(%) column is a percentage).</summary>
    private static readonly string[] KindPrecedence =
        [ColumnKinds.Percent, ColumnKinds.Quantity, ColumnKinds.Price, ColumnKinds.Change, ColumnKinds.Subset, ColumnKinds.Total];

    public static Dictionary<string, ColumnMeaning> Of(string tableId, IReadOnlyList<string> columns, int? fiscalYear)
    {
        // A performance form's columns are its fields (perf-fields.tsv), not amounts of a classification.
        if (TableFamilies.Includes("forms", tableId)) return PerformanceFields.Roles(columns);
        var current = fiscalYear ?? columns.Select(YearOf).Where(y => y is not null).Max();
        var roles = new Dictionary<string, ColumnMeaning>();
        foreach (var name in columns.Distinct())
            roles[name] = Read(tableId, name, current);
        // The three-public table's own 合计 is the three-public total, unless the table adds 会议费/培训费 to it
        // (some budgets print 合计 over 三公 + 会议费 + 培训费, with the three-public total under its own header).
        if (TableFamilies.Includes("three_public", tableId) && !roles.Values.Any(r => r.Measure is "meeting" or "training"))
            foreach (var (name, role) in roles.ToList())
                if (role is { Kind: ColumnKinds.Total, Measure: null } && Segments(name).Count(s => !IsValueWord(s)) == 1)
                    roles[name] = role with { Measure = "three_public_total" };
        return roles;
    }

    private static ColumnMeaning Read(string tableId, string name, int? currentYear)
    {
        var segments = Segments(name);
        var meaningful = segments.Where(s => !IsValueWord(s)).ToList();
        var last = meaningful.Count > 0 ? meaningful[^1] : segments.LastOrDefault() ?? string.Empty;
        var kind = ColumnKinds.Amount;
        foreach (var candidate in KindPrecedence)
            if (KindLexicon.Entries.Any(e => e["kind"] == candidate && (e["where"] == "any"
                    ? segments.Any(s => Lexicon.Matches(e["match"], e["pattern"], s))
                    : Lexicon.Matches(e["match"], e["pattern"], last))))
            { kind = candidate; break; }
        return new ColumnMeaning(kind, MeasureOf(tableId, meaningful, kind), BasisOf(segments), PeriodOf(segments, currentYear), UnitOf(name));
    }

    /// <summary>
    /// What the column is of: what its own header names (购置费 under 公务用车 …), else — for a column that is its group's
    /// 小计/合计 or only says 预算数 — what the group's header names. A part of a group (本年收入/事业收入) is not the group.
    /// </summary>
    private static string? MeasureOf(string tableId, IReadOnlyList<string> segments, string kind)
    {
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            foreach (var e in MeasureLexicon.Entries)
                if (e["applies"] is "column" or "both" && TableFamilies.Includes(e["tables"], tableId)
                    && Lexicon.Matches(e["match"], e["pattern"], segments[i]))
                    return e["measure"];
            if (i == segments.Count - 1 && kind != ColumnKinds.Total) return null;
        }
        return null;
    }

    /// <summary>预算数 over a column makes it a budget figure; 决算数, 执行数 and 实际 an actual one.</summary>
    private static string? BasisOf(IReadOnlyList<string> segments)
    {
        string? basis = null;
        foreach (var s in segments)
        {
            if (s.Contains("决算") || s.Contains("执行数") || s.Contains("实际")) basis = "actual";
            else if (s.Contains("预算") && !s.Contains("预(决)算") && !s.StartsWith("一般公共预算") && !s.Contains("基金预算") && !s.Contains("经营预算"))
                basis ??= "budget";
        }
        return basis;
    }

    /// <summary>"prior" for another year's figures: 上年…, or a year other than the report's.</summary>
    private static string? PeriodOf(IReadOnlyList<string> segments, int? currentYear)
    {
        var first = segments.Select(YearOf).FirstOrDefault(y => y is not null);
        if (first is { } y && currentYear is { } c && y != c) return "prior";
        if (first is null && segments.Any(s => PriorWords().IsMatch(s))) return "prior";
        return null;
    }

    private static string? UnitOf(string name)
    {
        var m = BracketUnit().Match(name);
        return m.Success ? m.Groups[1].Value : null;
    }

    public static IReadOnlyList<string> Segments(string name) => name.Split('/').Select(Lexicon.Key).Where(s => s.Length > 0).ToList();

    /// <summary>Words that say which figure a column holds (预算数, 决算数, 金额) rather than what it is of.</summary>
    public static bool IsValueWord(string segment) => ValueWords().IsMatch(segment);

    private static int? YearOf(string text)
    {
        var m = Year().Match(text);
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^(20\d\d年度?)?(本年|本年度|全年|年初|调整)?(预算数|决算数|预算|决算|执行数|金额|数额|预算金额|决算金额|预算安排数|本年预算)$")]
    private static partial Regex ValueWords();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(上年度?|上一年|去年)(预算数?|决算数?|执行数?|实际数?|数|同期数?|预算执行数)?$")]
    private static partial Regex PriorWords();

    [GeneratedRegex(@"[(（](万元|亿元|元)[)）]")]
    private static partial Regex BracketUnit();
}

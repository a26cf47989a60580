using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Facts;

/// <summary>
/// The 上年数 a document quotes for a fact (SCHEMA §4 K.prior_year), from the change it states right after this
/// year's figure: "公务接待费预算支出183.95万元，比上年预算减少1.77万元" (185.72), "机关运行经费支出10.23万元，比2023年度
/// 增加10.23万元" (0), "…与上年持平" (the same figure). This is the national templates' wording for every cost they
/// explain, in budgets and final accounts alike. A change in percent only is not read (its base is rounded), nor a
/// final account's comparison with last year's budget, nor a budget's with last year's execution: `compare` sets a
/// figure against the same kind of figure a year before.
/// </summary>
public static partial class PriorYearStatements
{
    public const string Suffix = ".prior_year";

    /// <param name="statements">this year's figures the text states (TextFactReader), in document order</param>
    /// <param name="facts">the document's facts so far: a statement is used only when it states the fact's own value</param>
    public static IEnumerable<Fact> Read(IReadOnlyList<TextStatement> statements, IReadOnlyList<Fact> facts, string kind, int? fiscalYear)
    {
        var done = new HashSet<string>(facts.Select(f => f.Key), StringComparer.Ordinal);
        foreach (var s in statements)
        {
            if (s.Key.EndsWith(FactKeys.BudgetSuffix, StringComparison.Ordinal) || s.Unit != MoneyUnit.Wan) continue;
            var key = s.Key + Suffix;
            if (done.Contains(key)) continue;
            // The statement must be about the figure the document reports for the key, not some other line of it.
            if (facts.FirstOrDefault(f => f.Key == s.Key) is { } fact && fact.Value != s.Value) continue;
            var printed = s.Printed + (s.PrintedUnit ?? "");
            var at = s.Sentence.IndexOf(printed, StringComparison.Ordinal);
            if (at < 0) continue;
            var m = Change().Match(s.Sentence, at + printed.Length);
            if (!m.Success) continue;
            if (m.Groups["y"].Success && (fiscalYear is null || int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) != fiscalYear - 1)) continue;
            var against = m.Groups["what"].Value;
            if (kind == DocumentKinds.Budget ? against.Contains("执行") || against == "决算" : against.Contains("预算")) continue;
            decimal prior;
            if (m.Groups["same"].Success) prior = s.Value;
            else if (m.Groups["d"].Success)
            {
                var change = MoneyUnit.ToWan(decimal.Parse(m.Groups["d"].Value.Replace(",", ""), CultureInfo.InvariantCulture), m.Groups["u"].Value);
                prior = Down.Contains(m.Groups["w"].Value) ? s.Value + change : s.Value - change;
            }
            else continue;
            if (prior < 0) continue;
            done.Add(key);
            yield return new Fact
            {
                Key = key,
                Value = prior,
                Unit = MoneyUnit.Wan,
                Provenance = new Provenance
                {
                    Kind = "text", Page = s.Page, Bbox = s.Bbox, Path = s.Path,
                    Printed = s.Sentence[at..(m.Index + m.Length)], PrintedUnit = s.PrintedUnit,
                },
            };
        }
    }

    private static readonly HashSet<string> Down = ["减少", "下降", "降低", "节约", "压减"];

    /// <summary>Right after the figure: ，比上年(预算)(数)增加/减少 D万元 | 与上年持平.</summary>
    [GeneratedRegex(@"\G[,，]?\s*(?:比|较|与|同)(?:上年|上一年|去年|(?<y>20\d\d)年度?)(?:同期)?(?<what>决算|预算执行|预算|执行)?数?(?:相比)?[,，]?(?:(?<same>持平|一致|相同|无变化)|(?<w>增加|增长|减少|下降|降低|节约|压减)了?(?<d>\d[\d,]*(?:\.\d+)?)(?<u>万元|亿元|元))")]
    private static partial Regex Change();
}

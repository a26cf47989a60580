using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Facts;

/// <summary>
/// Zero stated in words: "2024年度无“三公”经费财政拨款支出", "未发生公务接待费", "因公出国(境)费支出为零". Such an
/// agency had that cost, and it was nothing; without the fact it drops out of every ranking instead of showing 0.
/// The national disclosure templates word it as a negation right before the cost's name (无, 未发生, 没有, 未安排) or
/// as 为零/为0 with no unit right after it. Read only for the 三公 costs, in a sentence about the document's own
/// year, never for a budget figure quoted in a final account (预算 in the sentence), and only where neither the
/// tables nor a stated figure already give the key. The fact is 0 万元 with the sentence as its printed text.
/// </summary>
public static partial class ZeroStatementReader
{
    /// <summary>The costs and how documents name them (the longest names first, so 公务用车购置费 is not 公务用车…).</summary>
    private static readonly (string Key, string Name)[] Costs =
    [
        (FactKeys.Vehicles, @"公务用车购置及运行(?:维护)?(?:费|经费)"),
        (FactKeys.VehiclePurchase, @"公务用车购置(?:费|经费)|购置公务用车"),
        (FactKeys.VehicleOperation, @"公务用车运行(?:维护)?(?:费|经费)"),
        (FactKeys.Overseas, @"因公出国\(境\)(?:费用|经费|费)"),
        (FactKeys.Reception, @"公务接待(?:费|支出)"),
        (FactKeys.ThreePublicTotal, @"[“""]?三公[”""]?经费"),
        // The disclosure templates' 机关运行经费说明 of a unit that has none: "本部门2026年无机关运行经费" (budgets of
        // municipal units in Shanghai and Beijing, and final accounts elsewhere, word it the same way).
        (FactKeys.OperatingCosts, @"机关运行经费"),
    ];

    private static readonly Regex[] Negated = Costs.Select(c => new Regex(
        @"(?:无|未发生|没有发生|没有|未安排|未列支|不存在)(?:任何)?(?:财政拨款)?(?:" + c.Name + ")(?!以外|之外|外的)", RegexOptions.CultureInvariant)).ToArray();

    private static readonly Regex[] Zero = Costs.Select(c => new Regex(
        "(?:" + c.Name + @")(?:财政拨款)?(?:支出|开支)?(?:决算数?|预算数?)?(?:均|全年|合计|总计)?(?:为|是)(?:零|0(?:\.0+)?)(?![\d.万亿元%])",
        RegexOptions.CultureInvariant)).ToArray();

    /// <summary>Zero facts for the keys <paramref name="known"/> does not hold yet, in document order.</summary>
    public static IEnumerable<Fact> Read(DocumentContent document, string kind, int? fiscalYear, IEnumerable<string> known)
    {
        var have = new HashSet<string>(known, StringComparer.Ordinal);
        if (kind == DocumentKinds.PerformanceEvaluation) yield break;
        foreach (var page in document.Pages)
        {
            var text = PageText.Of(page, document.LinePaths);
            var offset = 0;
            foreach (var sentence in text.Text.Split(SentenceEnds))
            {
                var start = offset;
                offset += sentence.Length + 1;
                if (sentence.Length == 0 || !sentence.Contains("公务") && !sentence.Contains("三公") && !sentence.Contains("因公出国") && !sentence.Contains("机关运行")) continue;
                for (var i = 0; i < Costs.Length; i++)
                {
                    var key = Costs[i].Key;
                    if (have.Contains(key)) continue;
                    var m = Negated[i].Match(sentence);
                    if (!m.Success) m = Zero[i].Match(sentence);
                    if (!m.Success || !AboutThisYear(sentence, m.Index, fiscalYear)) continue;
                    // A final account quoting its budget (预算为0) states the .budget figure, not its own.
                    if (kind != DocumentKinds.Budget && sentence.Contains("预算", StringComparison.Ordinal)) continue;
                    have.Add(key);
                    yield return new Fact
                    {
                        Key = key,
                        Value = 0m,
                        Unit = MoneyUnit.Wan,
                        Provenance = new Provenance
                        {
                            Kind = "text", Page = page.Number, Bbox = text.BoxAt(start + m.Index), Path = text.PathAt(start + m.Index),
                            Printed = sentence.Length > 80 ? sentence[..80] + "…" : sentence,
                        },
                    };
                }
            }
        }
    }

    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '？', '\n'];

    /// <summary>
    /// The sentence speaks of the fiscal year: it names no year before the match, or that year; never 上年/去年,
    /// and never a comparison ("比上年减少…").
    /// </summary>
    private static bool AboutThisYear(string sentence, int at, int? fiscalYear)
    {
        var before = sentence[..at];
        if (PriorYear().IsMatch(sentence)) return false;
        var years = YearMention().Matches(before);
        return years.Count == 0 || fiscalYear is null
            || int.Parse(years[^1].Groups[1].Value, CultureInfo.InvariantCulture) == fiscalYear;
    }

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"上一?年|去年|比20\d\d年|较20\d\d年")]
    private static partial Regex PriorYear();
}

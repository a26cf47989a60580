using System.Text;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Facts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Explanations that state each 类's amount and change ("1.公共安全(类)支出26200.88万元…与上年相比增加2687.77万元")
/// and later walk through its 项 under a heading of that 类 ("(一)公共安全(类)" then "1.法院(款)行政运行(项)支出
/// 14857.61万元,与上年相比增加3070.69万元" or "…与上年一致"). When the 项 amounts add up to the 类 amount, the list
/// is complete, so the 项 changes must add up to the 类 change: a mistyped change shows up here and nowhere else.
/// The statements run across pages, so the text is read as one.
/// </summary>
public static partial class ClassStatementChecks
{
    public const string Rule = "text.class_change_equals_sum_of_items";

    public static void Run(IReadOnlyList<PageContent> pages, bool rounding, CheckBuilder checks)
    {
        var text = DocumentText.Of(pages);
        var classes = new Dictionary<string, Match>(StringComparer.Ordinal);
        foreach (Match m in ClassStatement().Matches(text.Text))
            classes.TryAdd(Name(m.Groups["name"].Value), m);
        if (classes.Count == 0) return;

        var heads = ClassHeading().Matches(text.Text).ToList();
        for (var i = 0; i < heads.Count; i++)
        {
            if (!classes.TryGetValue(Name(heads[i].Groups["name"].Value), out var stated)) continue;
            var start = heads[i].Index + heads[i].Length;
            var end = i + 1 < heads.Count ? heads[i + 1].Index : text.Text.Length;
            if (PartHeading().Match(text.Text, start, end - start) is { Success: true } part) end = part.Index;
            var items = ItemStatement().Matches(text.Text[start..end]).ToList();
            if (items.Count < 2 || items.Any(m => !m.Groups["same"].Success && !m.Groups["c"].Success)) continue;

            var amounts = items.Select(m => PercentageChecks.Num(m.Groups["v"])).ToList();
            var classAmount = PercentageChecks.Num(stated.Groups["v"]);
            if (!Tolerance.Within(amounts.Sum(), classAmount, Tolerance.ForSum(classAmount, amounts, rounding))) continue;

            var changes = items.Select(Change).ToList();
            var classChange = Change(stated);
            var (page, box) = text.Locate(stated.Groups["c"].Index);
            checks.Compare(Rule, changes.Sum(), classChange, Tolerance.ForSum(classChange, changes, rounding),
                $"p{page} {Name(stated.Groups["name"].Value)}(类) change stated {classChange} vs Σ its {items.Count} 项 changes",
                new Provenance { Kind = "text", Page = page, Bbox = box, Printed = stated.Groups["c"].Value + "万元" });
        }
    }

    private static decimal Change(Match m) =>
        m.Groups["same"].Success ? 0 : (m.Groups["dir"].Value == "减少" ? -1 : 1) * PercentageChecks.Num(m.Groups["c"]);

    /// <summary>"社会保障和就业支出" heads the block of "社会保障和就业(类)支出…".</summary>
    private static string Name(string name) => name.EndsWith("支出", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;

    private const string N = @"\d[\d,]*(?:\.\d+)?";
    private const string Cjk = @"[\u4e00-\u9fff]";
    private const string Versus = @"[,;]?与上年(?:相比|度相比)?,?(?:(?<dir>增加|减少)(?<c>" + N + @")万元|(?<same>一致|持平|相同|无变化))";

    [GeneratedRegex(@"(?<!" + Cjk + ")(?<name>" + Cjk + @"{2,16})\(类\)(?:支出)?(?<v>" + N + @")万元(?:(?!\(类\)|\(款\)).){0,80}?" + Versus)]
    private static partial Regex ClassStatement();

    /// <summary>"(一)公共安全(类)" not followed by an amount: the heading of the 类's 项 statements.</summary>
    [GeneratedRegex(@"\([一二三四五六七八九十]{1,3}\)(?<name>" + Cjk + @"{2,16})\(类\)(?!(?:支出)?" + N + "万元)")]
    private static partial Regex ClassHeading();

    [GeneratedRegex(@"(?<!" + Cjk + ")" + Cjk + @"{2,20}\(款\)" + Cjk + @"{2,30}\(项\)(?:支出)?(?<v>" + N + @")万元(?:" + Versus + ")?")]
    private static partial Regex ItemStatement();

    /// <summary>The next part of the explanation ("六、…") ends a 类's block.</summary>
    [GeneratedRegex(@"(?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、")]
    private static partial Regex PartHeading();

    /// <summary>The pages' compact text as one string (line breaks dropped), with each offset traceable to its page and line.</summary>
    private sealed class DocumentText
    {
        private readonly List<(int Start, PageText Page, int[] Map)> _pages = [];
        public string Text { get; }

        private DocumentText(IReadOnlyList<PageContent> pages)
        {
            var sb = new StringBuilder();
            foreach (var page in pages)
            {
                var pt = PageText.Of(page);
                var map = new List<int>(pt.Text.Length);
                var start = sb.Length;
                for (var i = 0; i < pt.Text.Length; i++)
                {
                    if (pt.Text[i] == '\n') continue;
                    sb.Append(pt.Text[i]);
                    map.Add(i);
                }
                _pages.Add((start, pt, [.. map]));
            }
            Text = sb.ToString();
        }

        public static DocumentText Of(IReadOnlyList<PageContent> pages) => new(pages);

        public (int Page, double[]? Box) Locate(int offset)
        {
            var hit = _pages.LastOrDefault(p => p.Start <= offset);
            if (hit.Page is null) return (0, null);
            var local = offset - hit.Start;
            return (hit.Page.Page, local < hit.Map.Length ? hit.Page.BoxAt(hit.Map[local]) : null);
        }
    }
}

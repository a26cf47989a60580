using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Facts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Stated percentages recomputed from the figures the same sentence gives (within 0.1 percentage point):
/// "预算为A万元，支出决算为B万元，完成(年初)预算的Y%" (Y = B/A), "B万元，比上年增加/减少D万元，增长/下降Y%"
/// (Y = D/(B∓D)). Items explained by 科目 code are checked in <see cref="ItemStatementChecks"/>.
/// </summary>
public static partial class PercentageChecks
{
    private const decimal Tolerance = 0.1m;

    public static void Run(IReadOnlyList<PageContent> pages, CheckBuilder checks)
    {
        foreach (var page in pages)
        {
            var text = PageText.Of(page);
            foreach (Match m in Completion().Matches(text.Text))
            {
                var budget = Num(m.Groups["a"]); var actual = Num(m.Groups["b"]); var stated = Num(m.Groups["y"]);
                if (budget == 0) continue;
                Compare(checks, "text.completion_rate", Math.Round(actual / budget * 100, 2), stated, page, text, m, $"{actual}/{budget}");
            }
            foreach (Match m in Change().Matches(text.Text))
            {
                var current = Num(m.Groups["b"]); var delta = Num(m.Groups["d"]); var stated = Num(m.Groups["y"]);
                var down = m.Groups["dir"].Value == "减少";
                var baseValue = down ? current + delta : current - delta;
                if (baseValue <= 0) continue;
                var sign = m.Groups["dir2"].Value is "减少" or "下降" ? -1 : 1;
                if ((sign < 0) != down) continue; // wording disagrees with itself: not a figure to recompute
                Compare(checks, "text.change_rate", Math.Round(delta / baseValue * 100, 2), stated, page, text, m, $"{delta}/({current}{(down ? "+" : "-")}{delta})");
            }
        }
    }

    internal static void Compare(CheckBuilder checks, string rule, decimal expected, decimal stated, PageContent page, PageText text, Match m, string formula) =>
        checks.Compare(rule, expected, stated, Math.Max(Tolerance, Amounts.AmountParser.HalfUnit(stated)), $"p{page.Number} stated {stated}% vs {formula}",
            new Provenance { Kind = "text", Page = page.Number, Bbox = text.BoxAt(m.Index), Printed = m.Groups["y"].Value + "%" });

    internal static decimal Num(Group g) => decimal.Parse(g.Value.Replace(",", ""), CultureInfo.InvariantCulture);

    private const string N = @"\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"预算(?:数)?为(?<a>" + N + @")万元[,，](?:支出)?决算(?:数)?为(?<b>" + N + @")万元[,，]完成(?:年初|全年)?预算的?(?<y>" + N + ")%")]
    private static partial Regex Completion();

    [GeneratedRegex(@"(?<b>" + N + @")万元[,，。]?(?:与上年相比|比上年|较上年|与上年度相比|比上年度)[,，]?(?:[^,，。;；]{0,12}?)(?<dir>增加|减少)(?<d>" + N + @")万元[,，](?<dir2>增长|下降|减少|增加)(?<y>" + N + ")%")]
    private static partial Regex Change();

}

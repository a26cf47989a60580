using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// The fiscal year the report is about: "2024年度" on the cover, or a year beside the kind words
/// ("2026年区级部门预算"); a year followed by a month is a date, not the fiscal year.
/// </summary>
internal static partial class YearReader
{
    [GeneratedRegex(@"(?<y>(19|20)\d{2})年度")]
    private static partial Regex YearWithDu();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})年(?!\d{1,2}月)")]
    private static partial Regex YearNotDate();

    public static (int Year, Evidence Evidence)? Read(IReadOnlyList<PrintedLine> cover, DocumentContent content)
    {
        var coverText = ChineseNumerals.YearsToDigits(string.Concat(cover.Select(c => c.Text)));
        if ((Match(YearWithDu(), coverText) ?? Match(YearNotDate(), coverText)) is { } y)
            return (y, new Evidence(coverText, cover.Count > 0 ? cover[0].Page : 1));
        // No cover (tables-only files): running titles and table titles near the top of the first pages.
        foreach (var page in content.Pages.Take(5))
            foreach (var line in page.Lines.Take(6))
            {
                var text = ChineseNumerals.YearsToDigits(TextNormalizer.Compact(line.Text));
                if (!text.Contains("预算") && !text.Contains("决算") && !text.Contains("绩效")) continue;
                if ((Match(YearWithDu(), text) ?? Match(YearNotDate(), text)) is { } year)
                    return (year, new Evidence(text, page.Number));
            }
        return null;
    }

    private static int? Match(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success ? int.Parse(m.Groups["y"].Value) : null;
    }
}

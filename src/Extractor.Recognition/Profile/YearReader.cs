using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// The fiscal year the report is about: "2024年度" on the cover, or a year beside the kind words
/// ("2026年区级部门预算"); a year followed by a month is a date, not the fiscal year. Last, the PDF's own
/// document-information title (not the file name, which whoever saved the file chose).
/// </summary>
internal static partial class YearReader
{
    [GeneratedRegex(@"(?<y>(19|20)\d{2})年度")]
    private static partial Regex YearWithDu();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})年(?!\d{1,2}月)")]
    private static partial Regex YearNotDate();

    // "2026 部门预算情况的说明": a year set straight before the kind words, without 年.
    [GeneratedRegex(@"(?<y>(19|20)\d{2})(区级|市级|省级|县级)?(部门|单位)(预算|决算)")]
    private static partial Regex YearBeforeKind();

    // "（2026年度）" on a line of its own under a table's title: the year the form is for (the national
    // performance-target forms print it so, and may be the only place a tables-only file names its year).
    [GeneratedRegex(@"^[(]?(?<y>(19|20)\d{2})[(]?年度[)]?$")]
    private static partial Regex BareYear();

    public static (int Year, Evidence Evidence)? Read(IReadOnlyList<PrintedLine> cover, DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        var title = CoverLines.Title(cover);
        if (title.Count > 0)
        {
            var text = ChineseNumerals.YearsToDigits(string.Concat(title.Select(c => c.Text)));
            if ((Match(YearWithDu(), text) ?? Match(YearBeforeKind(), text) ?? Match(YearNotDate(), text)) is { } y)
                return (y, new Evidence(title.FirstOrDefault(l => ChineseNumerals.YearsToDigits(l.Text).Contains(y + "年"))?.Text ?? text, title[0].Page));
        }
        // Below the title a bare year is any year the cover mentions (…法(2014年修订)); only 年度 or a year beside the
        // report's kind names the one the report is about.
        // A portal's date and source line speaks of the posting, not of the report.
        var printed = cover.Where(l => !CoverLines.IsPageChrome(l.Text)).ToList();
        if (printed.Count > 0)
        {
            var text = ChineseNumerals.YearsToDigits(string.Concat(printed.Select(c => c.Text)));
            if ((Match(YearWithDu(), text) ?? Match(YearBeforeKind(), text)) is { } y)
                return (y, new Evidence(printed.FirstOrDefault(l => ChineseNumerals.YearsToDigits(l.Text).Contains(y + "年"))?.Text ?? text, printed[0].Page));
        }
        foreach (var line in printed)
        {
            var text = ChineseNumerals.YearsToDigits(line.Text);
            var reportLine = text.Contains("预算") || text.Contains("决算") || text.Contains("绩效") || text.Contains("报告");
            if (reportLine && Match(YearNotDate(), text) is { } y) return (y, new Evidence(line.Text, line.Page));
        }
        // A report that opens on its first part: the part headings say "第二部分 2021年度部门决算表".
        foreach (var part in CoverLines.PartHeadings(content))
        {
            var m = PartHeadingYear().Match(ChineseNumerals.YearsToDigits(part.Text));
            if (m.Success) return (int.Parse(m.Groups["y"].Value), new Evidence(part.Text, part.Page));
        }
        // No cover (tables-only files): running titles and table titles near the top of the first pages.
        foreach (var page in content.Pages.Take(5))
            foreach (var line in page.Lines.Take(6))
            {
                var text = ChineseNumerals.YearsToDigits(TextNormalizer.Compact(line.Text));
                if (!text.Contains("预算") && !text.Contains("决算") && !text.Contains("绩效")) continue;
                // A title, not a sentence: "比2025年初预算数增加…," names a year it compares with.
                if (text.Length > 40 || Sentence().IsMatch(text)) continue;
                if ((Match(YearWithDu(), text) ?? Match(YearNotDate(), text)) is { } year)
                    return (year, new Evidence(text, page.Number));
            }
        if (FromFormYear(content, tables) is { } formYear) return formYear;
        // Printed nowhere (a tables-only export whose tables carry no year): the title the publisher gave the
        // PDF in its document information ("…2019年部门预算公开表.xls"), if it names the kind of report too.
        // A web page's own <title> ("…局2024年部门预算公开_…人民政府"), likewise.
        if (content.MediaType == "text/html" && content.Info.TryGetValue("Title", out var pageTitle))
        {
            var text = ChineseNumerals.YearsToDigits(TextNormalizer.Compact(pageTitle));
            if ((text.Contains("预算") || text.Contains("决算") || text.Contains("绩效"))
                && (Match(YearWithDu(), text) ?? Match(YearNotDate(), text)) is { } year)
                return (year, new Evidence(pageTitle, 0, "html.title"));
        }
        if (content.Info.TryGetValue("title", out var infoTitle))
        {
            var text = ChineseNumerals.YearsToDigits(TextNormalizer.Compact(infoTitle));
            if ((text.Contains("预算") || text.Contains("决算") || text.Contains("绩效"))
                && (Match(YearWithDu(), text) ?? Match(YearNotDate(), text)) is { } year)
                return (year, new Evidence(infoTitle, 0, content.MediaType == "application/pdf" ? "pdf_info.title" : "document_properties.title"));
        }
        return null;
    }

    [GeneratedRegex(@"^第[一二三四1-4]部分.{0,30}?(?<y>(19|20)\d{2})年度?(区级|市级|省级)?(部门|单位)?(决算|预算)")]
    private static partial Regex PartHeadingYear();

    /// <summary>The year most often printed as a line of its own under a table's title or at a page's head.</summary>
    private static (int Year, Evidence Evidence)? FromFormYear(DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        var votes = new Dictionary<int, (int Count, Evidence First)>();
        void Vote(string line, int page)
        {
            var m = BareYear().Match(TextNormalizer.Compact(line));
            if (!m.Success) return;
            var y = int.Parse(m.Groups["y"].Value);
            votes[y] = votes.TryGetValue(y, out var v) ? (v.Count + 1, v.First) : (1, new Evidence(line.Trim(), page));
        }
        foreach (var t in tables) foreach (var c in t.Caption) Vote(c, t.PageStart);
        if (votes.Count == 0)
            foreach (var page in content.Pages)
                foreach (var line in page.Lines.Take(4)) Vote(line.Text, page.Number);
        if (votes.Count == 0) return null;
        var best = votes.OrderByDescending(v => v.Value.Count).First();
        return (best.Key, best.Value.First);
    }

    [GeneratedRegex(@"[,，;；。]")]
    private static partial Regex Sentence();

    private static int? Match(Regex regex, string text)
    {
        var m = regex.Match(text);
        return m.Success ? int.Parse(m.Groups["y"].Value) : null;
    }
}

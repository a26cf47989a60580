using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// Kind, scope, agency, fiscal year, unit and publication date, each read from printed evidence: the
/// cover (the lines of page 1 before 目录), labelled fields (预算主管部门:, 部门:, 编制单位:), table
/// captions and headings; the year, when printed nowhere, from the PDF's own document-information title.
/// Never from the file name: a field the document does not state stays empty.
/// </summary>
public static partial class DocumentProfiler
{
    public static ReportDocument Profile(DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        var doc = new ReportDocument
        {
            Sha256 = content.Sha256,
            Source = content.Source,
            MediaType = content.MediaType,
            Pages = content.Pages.Count,
        };
        var cover = CoverLines.Read(content);
        var title = string.Concat(CoverLines.Title(cover).Select(c => c.Text));
        var notice = OfficialNotice.Read(content);
        var (kind, kindEvidence) = KindReader.Read(title, content, tables, notice);
        doc.Kind = kind;
        if (kindEvidence is not null) doc.Evidence["kind"] = kindEvidence;

        if (notice is not null)
        {
            // A notice is no report: it covers no fiscal year and has no scope; its agency is the organ that issued it.
            if (notice.Issuer is { } issuer)
            {
                var agency = AgencyConsensus.Mend(new Evidence(issuer, notice.Page, "official_notice.issuer"), content);
                doc.Agency = agency.Text;
                doc.Evidence["agency"] = agency;
            }
        }
        else
        {
            var scope = ScopeReader.Read(title, content);
            doc.Scope = scope.Scope;
            if (scope.Evidence is not null) doc.Evidence["scope"] = scope.Evidence;

            if (AgencyReader.Read(cover, content, tables) is { } read)
            {
                var agency = AgencyConsensus.Mend(read, content);
                doc.Agency = agency.Text;
                doc.Evidence["agency"] = agency;
            }
            if (YearReader.Read(cover, content, tables) is { } year)
            {
                doc.FiscalYear = year.Year;
                doc.Evidence["fiscal_year"] = year.Evidence;
            }
        }
        if (UnitReader.Read(content, tables) is { } unit)
        {
            doc.Unit = unit.Text;
            doc.Evidence["unit"] = unit;
        }
        if (DateReader.Read(cover, doc.FiscalYear) is { } date)
        {
            doc.PublishedOn = date.Date;
            doc.Evidence["published_on"] = date.Evidence;
        }
        return doc;
    }
}

/// <summary>A printed line with the page it came from.</summary>
public sealed record PrintedLine(string Text, int Page);

/// <summary>The cover: page 1's lines before the table of contents (or its first lines when there is none).</summary>
internal static partial class CoverLines
{
    public static IReadOnlyList<PrintedLine> Read(DocumentContent content)
    {
        var result = new List<PrintedLine>();
        foreach (var page in content.Pages.Take(2))
        {
            foreach (var line in page.Lines)
            {
                var text = TextNormalizer.Compact(line.Text);
                if (text.StartsWith("目录") || text.StartsWith("目次")) return result;
                if (text.Length == 0 || IsPageNumber(text)) continue;
                result.Add(new PrintedLine(text, page.Number));
                if (result.Count >= 12) return result;
            }
            if (result.Count >= 3) return result;
        }
        return result;
    }

    /// <summary>
    /// The title: the cover's leading short lines, up to the first sentence or numbered heading (a web
    /// page has no cover page, and its first paragraphs follow the title directly).
    /// </summary>
    public static IReadOnlyList<PrintedLine> Title(IReadOnlyList<PrintedLine> cover) =>
        cover.TakeWhile(l => l.Text.Length <= 40 && !l.Text.EndsWith('。') && !NumberedHeading().IsMatch(l.Text) && !IsPageChrome(l.Text)).ToList();

    /// <summary>
    /// A portal's line under an article's heading ("发布时间:2024-03-15 来源:区医疗保障局 浏览次数:15", "日期:2025-02-10
    /// 【打印】"): it ends the title, and neither the agency nor the year is read from it (its 来源 is whoever posted the
    /// page, often shortened, and its date is the posting date).
    /// </summary>
    public static bool IsPageChrome(string compactLine) => PageChrome().IsMatch(compactLine);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:发布|发表|成文|印发|更新|信息)?(?:日期|时间)[:]|(?:^|\d)(?:来源|文章来源|信息来源|浏览次数|浏览量|点击数|点击量|访问量|阅读量|阅读数|作者|字号|字体)[:]|^\d{4}-\d{1,2}-\d{1,2}|【打印】|【关闭】")]
    private static partial System.Text.RegularExpressions.Regex PageChrome();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[、.])")]
    private static partial System.Text.RegularExpressions.Regex NumberedHeading();

    [System.Text.RegularExpressions.GeneratedRegex(@"^第[一二三四五六七八九十1-9]+部分")]
    private static partial System.Text.RegularExpressions.Regex PartLabel();

    /// <summary>
    /// The part headings (第一部分 …), compacted; a bare "第二部分" line is joined with the short lines
    /// that carry the rest of its heading ("第二部分" / "部门决算表").
    /// </summary>
    public static IEnumerable<PrintedLine> PartHeadings(DocumentContent content, int maxPages = 30)
    {
        foreach (var page in content.Pages.Take(maxPages))
        {
            var lines = page.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var text = TextNormalizer.Compact(lines[i].Text);
                if (!PartLabel().IsMatch(text) || text.Length > 40) continue;
                if (PartLabel().Match(text).Length == text.Length)
                    for (var j = i + 1; j < lines.Count && j <= i + 2; j++)
                    {
                        var next = TextNormalizer.Compact(lines[j].Text);
                        if (next.Length == 0 || next.Length > 25 || NumberedHeading().IsMatch(next)) break;
                        text += next;
                    }
                yield return new PrintedLine(text, page.Number);
            }
        }
    }

    private static bool IsPageNumber(string text) =>
        text.Trim('-', '—', ' ', '第', '页').All(char.IsAsciiDigit);
}

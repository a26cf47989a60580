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
        var (kind, kindEvidence) = KindReader.Read(title, content, tables);
        doc.Kind = kind;
        if (kindEvidence is not null) doc.Evidence["kind"] = kindEvidence;

        var scope = ScopeReader.Read(title, content);
        doc.Scope = scope.Scope;
        if (scope.Evidence is not null) doc.Evidence["scope"] = scope.Evidence;

        if (AgencyReader.Read(cover, content, tables) is { } read)
        {
            var agency = AgencyConsensus.Mend(read, content);
            doc.Agency = agency.Text;
            doc.Evidence["agency"] = agency;
        }
        if (YearReader.Read(cover, content) is { } year)
        {
            doc.FiscalYear = year.Year;
            doc.Evidence["fiscal_year"] = year.Evidence;
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
        cover.TakeWhile(l => l.Text.Length <= 40 && !l.Text.EndsWith('。') && !NumberedHeading().IsMatch(l.Text)).ToList();

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

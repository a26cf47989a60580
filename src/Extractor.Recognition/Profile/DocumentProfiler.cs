using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// Kind, scope, agency, fiscal year, unit and publication date, each read from printed evidence: the
/// cover (the lines of page 1 before 目录), labelled fields (预算主管部门:, 部门:, 编制单位:), table
/// captions and headings. Never from the file name: a field the document does not state stays empty.
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
        var title = string.Concat(cover.Select(c => c.Text));
        var (kind, kindEvidence) = KindReader.Read(title, content, tables);
        doc.Kind = kind;
        if (kindEvidence is not null) doc.Evidence["kind"] = kindEvidence;

        var scope = ScopeReader.Read(title, content);
        doc.Scope = scope.Scope;
        if (scope.Evidence is not null) doc.Evidence["scope"] = scope.Evidence;

        if (AgencyReader.Read(cover, content, tables) is { } agency)
        {
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
internal static class CoverLines
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

    private static bool IsPageNumber(string text) =>
        text.Trim('-', '—', ' ', '第', '页').All(char.IsAsciiDigit);
}

using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// The document's kind — the one place it is decided (the section stage and the commands read the profile's kind):
/// 决算 → final account, 预算 → budget, 绩效评价/自评 → performance evaluation. The cover title may say it in any
/// words; anywhere else only words that name a report (部门预算, 决算表, 预算公开, a table title) count, since
/// sentences speak of 财政预算 and 一般公共预算 in every kind of document. An official notice (公文) is none of the
/// three, whatever its title mentions: unknown.
/// </summary>
internal static partial class KindReader
{
    public static (string Kind, Evidence? Evidence) Read(string title, DocumentContent content, IReadOnlyList<RawTable> tables, OfficialNotice.Notice? notice)
    {
        if (notice is not null) return (DocumentKinds.Unknown, new Evidence(notice.Title, notice.Page, "official_notice"));
        if (FromText(title) is { } k) return (k, new Evidence(title, 1));
        // No title block (a page opening on a paragraph): the first cover line that names the kind.
        foreach (var page in content.Pages.Take(1))
            foreach (var line in page.Lines.Take(12))
                if (line.Text.Length <= 60 && FromReportWords(TextNormalizer.Compact(line.Text)) is { } kind)
                    return (kind, new Evidence(line.Text, page.Number));
        // Tables-only files have no cover: the first table titles or running titles say it.
        foreach (var page in content.Pages.Take(3))
            foreach (var line in page.Lines.Take(8))
            {
                var text = TextNormalizer.Compact(line.Text);
                if (text.Length > 40) continue;
                if (FromReportWords(text) is { } kind) return (kind, new Evidence(text, page.Number));
            }
        // A report opening on its first part: its part headings name the kind ("第二部分 2022年部门决算表").
        foreach (var part in CoverLines.PartHeadings(content))
            if (FromText(part.Text) is { } kind)
                return (kind, new Evidence(part.Text, part.Page));
        foreach (var t in tables.Take(3))
            foreach (var c in t.Caption)
                if (FromReportWords(TextNormalizer.Compact(c)) is { } kind) return (kind, new Evidence(c, t.PageStart));
        return (DocumentKinds.Unknown, null);
    }

    /// <summary>Any mention of 决算/预算/绩效评价: for titles and headings, which name the report.</summary>
    public static string? FromText(string text)
    {
        if (text.Contains("绩效评价") || text.Contains("绩效自评") || text.Contains("自评报告") || text.Contains("绩效报告"))
            return DocumentKinds.PerformanceEvaluation;
        var f = text.IndexOf("决算", StringComparison.Ordinal);
        var b = text.IndexOf("预算", StringComparison.Ordinal);
        if (f >= 0 && (b < 0 || f < b || text.Contains("部门决算") || text.Contains("单位决算"))) return DocumentKinds.FinalAccount;
        if (b >= 0) return DocumentKinds.Budget;
        return null;
    }

    /// <summary>Lines that are not the title count only when they name a report or are a table's title (…表).</summary>
    private static string? FromReportWords(string text)
    {
        var tableTitle = text.EndsWith('表') || text.EndsWith("表)");
        return tableTitle || ReportWords().IsMatch(text) ? FromText(text) : null;
    }

    [GeneratedRegex(@"绩效评价|绩效自评|自评报告|(部门|单位|机关|整体)(预算|决算)|(预算|决算)\d*(公开|信息公开|表|总表|报表|报告|情况说明|编制说明)|收支(预算|决算)|(19|20)\d{2}年?度?(部门|单位)?(预算|决算)")]
    private static partial Regex ReportWords();
}

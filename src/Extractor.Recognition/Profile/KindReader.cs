using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>决算 → final account, 预算 → budget, 绩效评价/自评 → performance evaluation, from the cover first.</summary>
internal static class KindReader
{
    public static (string Kind, Evidence? Evidence) Read(string title, DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        if (FromText(title) is { } k) return (k, new Evidence(title, 1));
        // No title block (a page opening on a paragraph): the first cover line that names the kind.
        foreach (var page in content.Pages.Take(1))
            foreach (var line in page.Lines.Take(12))
                if (FromText(TextNormalizer.Compact(line.Text)) is { } kind && line.Text.Length <= 60)
                    return (kind, new Evidence(line.Text, page.Number));
        // Tables-only files have no cover: the first table titles or running titles say it.
        foreach (var page in content.Pages.Take(3))
            foreach (var line in page.Lines.Take(8))
            {
                var text = TextNormalizer.Compact(line.Text);
                if (text.Length > 40) continue;
                if (FromText(text) is { } kind) return (kind, new Evidence(text, page.Number));
            }
        // A report opening on its first part: its part headings name the kind ("第二部分 2022年部门决算表").
        foreach (var part in CoverLines.PartHeadings(content))
            if (FromText(part.Text) is { } kind)
                return (kind, new Evidence(part.Text, part.Page));
        foreach (var t in tables.Take(3))
            foreach (var c in t.Caption)
                if (FromText(TextNormalizer.Compact(c)) is { } kind) return (kind, new Evidence(c, t.PageStart));
        return (DocumentKinds.Unknown, null);
    }

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
}

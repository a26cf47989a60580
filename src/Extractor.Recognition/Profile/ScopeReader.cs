using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>单位预算/单位决算 (one unit) versus 部门 (a department, possibly 汇总 over its units).</summary>
internal static class ScopeReader
{
    public static (string Scope, Evidence? Evidence) Read(string title, DocumentContent content)
    {
        if (FromText(title) is { } s) return (s, new Evidence(title, 1));
        foreach (var page in content.Pages.Take(4))
            foreach (var line in page.Lines)
            {
                var text = TextNormalizer.Compact(line.Text);
                // Titles, headings and labelled fields only: a sentence may mention another body's 部门预算.
                if (text.Length <= 40 && FromText(text) is { } scope) return (scope, new Evidence(text, page.Number));
            }
        return ("unknown", null);
    }

    private static string? FromText(string text)
    {
        if (text.Contains("单位预算") || text.Contains("单位决算") || text.StartsWith("预算单位:")) return "unit";
        if (text.Contains("部门预算") || text.Contains("部门决算") || text.Contains("部门整体") || text.StartsWith("预算主管部门")
            || text.Contains("部门概况") || text.Contains("项目主管部门") || text.StartsWith("部门:"))
            return "department";
        return null;
    }
}

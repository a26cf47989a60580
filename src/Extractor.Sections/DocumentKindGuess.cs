using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Sections;

/// <summary>
/// A cheap guess of the document kind from its opening text, for tools that run the section stage on
/// loose files (label export, tests). The pipeline's recognition stage decides the kind for real.
/// </summary>
public static class DocumentKindGuess
{
    public static string Of(DocumentContent document)
    {
        var lines = document.Pages.Take(3).SelectMany(p => p.Lines).Where(l => l.Text.Trim().Length > 0).ToList();
        // The title is in the first few lines: "…专项资金绩效自评报告", "…绩效评价报告".
        var title = string.Concat(lines.Take(4).Select(l => l.Text));
        if (Regex.IsMatch(title, "绩效(?:自评|评价)(?:报告)?") && !Regex.IsMatch(title, "部门(?:决算|预算)"))
            return DocumentKinds.PerformanceEvaluation;
        if (title.Contains("决算")) return DocumentKinds.FinalAccount;
        if (title.Contains("预算")) return DocumentKinds.Budget;
        // No word in the title: 部门决算/决算表/决算数 against 部门预算/预算表/预算数 in the opening pages
        // (plain 预算 is no evidence: finals speak of 一般公共预算 and 预算绩效 throughout).
        var head = string.Concat(lines.Take(120).Select(l => l.Text));
        var finals = Regex.Matches(head, "部门决算|决算表|决算数").Count;
        var budgets = Regex.Matches(head, "部门预算|预算表|预算数").Count;
        return budgets > finals ? DocumentKinds.Budget : DocumentKinds.FinalAccount;
    }
}

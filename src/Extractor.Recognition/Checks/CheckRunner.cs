using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Recognition.Facts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// SCHEMA §5 勾稽 checks on every document: the summary table's identities, 合计/类/款/项 sums, row totals,
/// figures repeated across tables, identities between facts, text vs table, and stated percentages.
/// A failure is a finding about the document, reported with both figures and where they were printed.
/// </summary>
public sealed class CheckRunner : ICheckRunner
{
    public IReadOnlyList<Check> Run(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Fact> facts, IReadOnlyList<Section> sections)
    {
        var rounding = document.Pages.Any(p => p.Lines.Any(l => l.Text.Contains("四舍五入")));
        var ctx = new CheckContext(tables, rounding);
        var checks = new CheckBuilder();
        SummaryTableChecks.Run(ctx, checks);
        HierarchyChecks.Run(ctx, checks);
        HierarchyChecks.RunNumbered(ctx, checks);
        RowTotalChecks.Run(ctx, checks);
        PerformanceFormChecks.Run(ctx, checks);
        DepartmentFormChecks.Run(ctx, checks);
        DepartmentSelfEvaluationChecks.Run(ctx, checks);
        if (profile.Kind != DocumentKinds.Budget) CrossTableChecks.Run(ctx, checks);
        // What the text states is read from prose only, never from a table's own cells (ProseLines).
        var prose = Text.ProseLines.Of(document, tables);
        var statements = TextFactReader.Read(prose.Pages, profile.Kind, Profile.ReportYear.Of(document, profile), null, prose.LinePaths);
        FactChecks.Run(facts, statements, rounding, checks);
        FactColumnChecks.Run(facts, tables, checks);
        PercentageChecks.Run(prose.Pages, checks);
        ItemStatementChecks.Run(prose.Pages, tables, checks);
        ClassStatementChecks.Run(prose.Pages, rounding, checks);
        ProjectStatementChecks.Run(prose.Pages, tables, checks);
        ProjectFormChecks.Run(ctx, prose.Pages, checks);
        return checks.Build();
    }
}

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
        if (profile.Kind != DocumentKinds.Budget) CrossTableChecks.Run(ctx, checks);
        var statements = TextFactReader.Read(document.Pages, profile.Kind, Profile.ReportYear.Of(document, profile), null, document.LinePaths);
        FactChecks.Run(facts, statements, rounding, checks);
        PercentageChecks.Run(document.Pages, checks);
        ItemStatementChecks.Run(document.Pages, tables, checks);
        ClassStatementChecks.Run(document.Pages, rounding, checks);
        ProjectStatementChecks.Run(document.Pages, tables, checks);
        return checks.Build();
    }
}

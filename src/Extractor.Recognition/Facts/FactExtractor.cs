using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Recognition.Facts;

/// <summary>
/// SCHEMA §4 facts: each key from the canonical tables when they print it, otherwise from the first
/// statement of it in the explanation text. Text statements that disagree with the table are left
/// to the checks (text_vs_table), never silently preferred.
/// </summary>
public sealed class FactExtractor : IFactExtractor
{
    public IReadOnlyList<Fact> Extract(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Section> sections, List<string> warnings)
    {
        var year = Profile.ReportYear.Of(document, profile);
        var facts = TableFactReader.Read(tables, profile.Kind);
        // Text facts are read from prose only: a table's cells are not narrative stating them.
        var prose = Text.ProseLines.Of(document, tables);
        var statements = TextFactReader.Read(prose.Pages, profile.Kind, year, warnings, prose.LinePaths);
        foreach (var s in statements)
        {
            if (facts.Any(f => f.Key == s.Key)) continue;
            facts.Add(new Fact
            {
                Key = s.Key,
                Value = s.Value,
                Unit = s.Unit,
                Provenance = new Provenance { Kind = "text", Page = s.Page, Bbox = s.Bbox, Path = s.Path, Printed = s.Printed, PrintedUnit = s.PrintedUnit },
            });
        }
        facts.AddRange(ZeroStatementReader.Read(prose, profile.Kind, year, facts.Select(f => f.Key)).ToList());
        facts.AddRange(PriorYearStatements.Read(statements, facts, profile.Kind, year).ToList());
        return facts;
    }

}

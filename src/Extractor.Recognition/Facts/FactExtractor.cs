using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Recognition.Facts;

/// <summary>
/// SCHEMA §4 facts: each key from the canonical tables when they print it, otherwise from the first
/// statement of it in the explanation text. Text statements that disagree with the table are left
/// to the checks (text_vs_table), never silently preferred.
/// </summary>
public sealed partial class FactExtractor : IFactExtractor
{
    public IReadOnlyList<Fact> Extract(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Section> sections, List<string> warnings)
    {
        var year = FiscalYear(document, profile);
        var facts = TableFactReader.Read(tables, year);
        foreach (var s in TextFactReader.Read(document.Pages, profile.Kind, year, warnings, document.LinePaths))
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
        return facts;
    }

    /// <summary>The profile's year, else the year most often printed as "20NN年度" (the report's own).</summary>
    public static int? FiscalYear(DocumentContent document, ReportDocument profile)
    {
        if (profile.FiscalYear is { } y) return y;
        var counts = new Dictionary<int, int>();
        foreach (var line in document.Pages.SelectMany(p => p.Lines))
            foreach (Match m in YearOf().Matches(line.Text))
                counts[int.Parse(m.Groups[1].Value)] = counts.GetValueOrDefault(int.Parse(m.Groups[1].Value)) + 1;
        return counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
    }

    [GeneratedRegex(@"(20\d\d)\s*年度")]
    private static partial Regex YearOf();
}

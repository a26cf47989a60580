using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Profile;

/// <summary>
/// The year figures are read for: the profile's fiscal year, else the year most often printed as "20NN年度"
/// (the report's own). Table columns of another year and text about another year are not this report's figures.
/// </summary>
public static partial class ReportYear
{
    public static int? Of(DocumentContent document, ReportDocument profile)
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

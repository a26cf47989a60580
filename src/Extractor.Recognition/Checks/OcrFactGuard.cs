using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A figure read by OCR whose own printed cell is evidence in a failed check is more likely misread than misprinted
/// (8 read as 9 leaves 人员经费 + 公用经费 ≠ 基本支出). Such a fact is withheld, with a warning naming the check, rather
/// than reported as the document's number: a missing number is better than a wrong one. A total is implicated by any
/// misread part, so a figure the document prints again elsewhere (another row or table, another page's text) is kept.
/// Figures from a text layer are kept whatever the checks say, since there a failure is the document's own error.
/// </summary>
public static class OcrFactGuard
{
    public static List<Fact> Keep(DocumentContent document, IReadOnlyList<ReportTable> tables, IReadOnlyList<Fact> facts, IReadOnlyList<Check> checks, List<string> warnings, OcrConfidenceOptions? options = null)
    {
        options ??= new OcrConfidenceOptions();
        var ocrPages = OcrPages(document);
        if (ocrPages.Count == 0) return [.. facts];
        // A failure every figure of whose table was read surely is the document's own (OcrSureTable): its figures stand.
        // Only failures with evidence on an OCR page can implicate a figure read there.
        var failed = checks.Where(c => c.Status == CheckStatus.Fail && c.Evidence.Any(e => ocrPages.ContainsKey(e.Page))
            && !OcrSureTable.Of(ocrPages, tables, checks, c, options).Sure).ToList();
        var kept = new List<Fact>(facts.Count);
        foreach (var fact in facts)
        {
            var p = fact.Provenance;
            var check = p.Kind == "table" && ocrPages.ContainsKey(p.Page)
                ? failed.FirstOrDefault(c => c.Evidence.Any(e => e.Page == p.Page && e.Table == p.Table && Encloses(e.Bbox, p.Bbox)))
                : null;
            if (check is null || PrintedElsewhere(document, tables, fact)) { kept.Add(fact); continue; }
            warnings.Add($"page {p.Page}: {fact.Key} {p.Printed ?? fact.Value.ToString()} read by OCR fails {check.Rule}; withheld as a probable misreading");
        }
        return kept;
    }

    /// <summary>Pages whose text came from OCR (a text layer has confidence 1), by number.</summary>
    internal static Dictionary<int, PageContent> OcrPages(DocumentContent document) =>
        document.Pages.Where(p => p.TextConfidence < 1).ToDictionary(p => p.Number);

    private static bool PrintedElsewhere(DocumentContent document, IReadOnlyList<ReportTable> tables, Fact fact)
    {
        var p = fact.Provenance;
        foreach (var table in tables)
            foreach (var row in table.Rows)
                if (row.Values.Values.Contains(fact.Value) && !(row.Provenance?.Page == p.Page && Encloses(row.Provenance?.Bbox, p.Bbox)))
                    return true;
        var printed = fact.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return document.Pages.Any(page => page.Number != p.Page
            && page.Lines.Any(l => Core.Text.TextNormalizer.Compact(l.Text).Replace(",", "").Contains(printed, StringComparison.Ordinal)));
    }

    /// <summary>The row's box (a check's evidence) holds the fact's box: the fact's own printed figure lies in that row.</summary>
    private static bool Encloses(double[]? outer, double[]? inner) =>
        outer is { Length: 4 } && inner is { Length: 4 }
        && inner[0] >= outer[0] - 0.5 && inner[1] >= outer[1] - 0.5 && inner[2] <= outer[2] + 0.5 && inner[3] <= outer[3] + 0.5;
}

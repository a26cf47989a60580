using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A money figure read by OCR with more decimal places than a cent takes in its unit (15.474000 in a table in 元)
/// is not a figure as printed: a speck or a comma was read as the decimal point (PP-OCR read a 元 table's 15474000 so on
/// an image-only copy at 96 dpi, 1,547.4 万元 reported as 0.0015 万元). No producer prints fractions of a cent, so such a
/// fact is withheld with a warning. Figures from a text layer are the document's own and kept.
/// </summary>
public static class OcrFigureForm
{
    public static List<Fact> Keep(DocumentContent document, IReadOnlyList<Fact> facts, List<string> warnings)
    {
        var ocrPages = OcrFactGuard.OcrPages(document);
        if (ocrPages.Count == 0) return [.. facts];
        var kept = new List<Fact>(facts.Count);
        foreach (var fact in facts)
        {
            var p = fact.Provenance;
            if (ocrPages.ContainsKey(p.Page) && p.Printed is { } printed && MoneyUnit.CentDecimals(p.PrintedUnit) is { } cent
                && Decimals(printed) > cent)
            {
                warnings.Add($"page {p.Page}: {fact.Key} {printed} read by OCR has more decimal places than a cent in {p.PrintedUnit}; withheld as a misread point");
                continue;
            }
            kept.Add(fact);
        }
        return kept;
    }

    /// <summary>Digits after the decimal point of the figure a printed text begins with (12,345.678 → 3; 10.81万元,比… → 2).</summary>
    internal static int Decimals(string printed) =>
        AmountParser.Parse(new string(printed.Trim().TakeWhile(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-').ToArray())) is { } figure
            ? AmountParser.Decimals(figure) : 0;
}

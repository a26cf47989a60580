using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Settings of <see cref="OcrConfidenceGuard"/>: per OCR engine, since their confidences mean different things (PP-OCR's
/// is the recogniser's probability of each character, Tesseract's a word score it reports 0.9 for some misread figures).
/// Each default is calibrated with scripts/bench-ocr on the labelled reports' image-only copies at 200 and 96 dpi and on
/// the real scans against their text PDFs: of the thresholds that withhold every wrong figure there, the one keeping
/// the most right ones (README "OCR" has the table).
/// </summary>
public sealed record OcrConfidenceOptions
{
    /// <summary>A figure PP-OCR read whose least sure digit (probability 0–1) is below this is withheld.</summary>
    public double PpOcrMinFigureConfidence { get; init; } = CalibratedPpOcr;

    /// <summary>A figure Tesseract read whose word confidence (its conf column / 100) is below this is withheld.</summary>
    public double TesseractMinFigureConfidence { get; init; } = CalibratedTesseract;

    /// <summary>
    /// PP-OCR read no wrong figure in the calibration (69 figures, the least sure right one at 0.763, 96 dpi), so every
    /// threshold up to 0.75 keeps them all; 0.5 is where the recogniser itself finds a digit more likely something else.
    /// </summary>
    public const double CalibratedPpOcr = OcrReaders.PpOcrEvenOdds;

    /// <summary>
    /// Off (0). In the calibration (labelled scans at 200 and 96 dpi, real scans against their text PDFs) Tesseract's
    /// one wrong figure, read at 96 dpi, scored 0.898, above 32 of its 67 right ones: the only threshold withholding it
    /// (0.9) also withholds those 32 (on the real scans it kept 24 of 54 figures), and on unlabelled budgets it withheld
    /// procurement figures that add up. Its confidence does not separate right from wrong, so Tesseract's figures are
    /// left to the checks (<see cref="OcrFactGuard"/>). The calibration table is in README's OCR section.
    /// </summary>
    public const double CalibratedTesseract = 0.0;

    /// <summary>
    /// A table's own failed check on pages PP-OCR read stays a failure (the document's error, its figures reported)
    /// when every figure of the table was read at least this surely (<see cref="OcrSureTable"/>); null: never.
    /// </summary>
    public double? PpOcrMinFindingConfidence { get; init; } = CalibratedPpOcrFinding;

    /// <summary>The same for Tesseract; null (never) since its confidence does not separate right figures from wrong.</summary>
    public double? TesseractMinFindingConfidence { get; init; }

    /// <summary>
    /// 0.95. PP-OCR read no wrong figure in the calibration (labelled reports' image-only copies at 200 and 96 dpi, the
    /// real scans against their text PDFs: 313 figures), and 95 % of them at 0.95 or above; the wrong readings seen on
    /// scanned forms (a lone 6 read h, a ≥ read =) were near even odds. The failed sums of those scans that were
    /// misreadings were all the table's structure read wrong, which the threshold does not see and
    /// <see cref="OcrSureTable"/>'s other conditions do; the threshold is what is left to a misread digit.
    /// </summary>
    public const double CalibratedPpOcrFinding = 0.95;

    /// <summary>The finding threshold for a page read by the named engine; null (never a finding) for one unknown.</summary>
    public double? FindingFor(string? engine) => engine switch
    {
        OcrReaders.PpOcr => PpOcrMinFindingConfidence,
        OcrReaders.Tesseract => TesseractMinFindingConfidence,
        _ => null,
    };

    /// <summary>The threshold for a page read by the named engine (<see cref="PageContent.ReadBy"/>); 0 for one unknown.</summary>
    public double For(string? engine) => engine switch
    {
        OcrReaders.PpOcr => PpOcrMinFigureConfidence,
        OcrReaders.Tesseract => TesseractMinFigureConfidence,
        _ => 0,
    };
}

/// <summary>
/// A figure read by OCR carries the confidence of the characters it was read from (the lowest among the digits of the
/// words its printed box covers), kept in its provenance; one read less surely than its engine's threshold
/// (<see cref="OcrConfidenceOptions"/>) is withheld with a warning rather than reported: a missing
/// number is better than a wrong one. Figures from a text layer (confidence 1) are never touched.
/// </summary>
public static class OcrConfidenceGuard
{
    public static List<Fact> Keep(DocumentContent document, IReadOnlyList<Fact> facts, List<string> warnings, OcrConfidenceOptions? options = null)
    {
        options ??= new OcrConfidenceOptions();
        var ocrPages = OcrFactGuard.OcrPages(document);
        if (ocrPages.Count == 0) return [.. facts];
        var kept = new List<Fact>(facts.Count);
        foreach (var fact in facts)
        {
            var p = fact.Provenance;
            if (!ocrPages.TryGetValue(p.Page, out var page) || FigureConfidence(page, p.Bbox) is not { } confidence)
            {
                kept.Add(fact);
                continue;
            }
            var threshold = options.For(page.ReadBy);
            if (confidence < threshold)
            {
                warnings.Add($"page {p.Page}: {fact.Key} {p.Printed ?? fact.Value.ToString()} read by OCR ({page.ReadBy}) with confidence {confidence:0.000}, below {threshold:0.###}; withheld as a possible misreading");
                continue;
            }
            kept.Add(new Fact { Key = fact.Key, Value = fact.Value, Unit = fact.Unit, Provenance = WithConfidence(p, confidence) });
        }
        return kept;
    }

    /// <summary>The lowest confidence among the words holding a digit that the figure's printed box overlaps; null when none does.</summary>
    public static double? FigureConfidence(PageContent page, double[]? bbox)
    {
        if (bbox is not { Length: 4 }) return null;
        var box = Box.From(bbox);
        double? lowest = null;
        foreach (var word in page.Words)
        {
            if (!word.Box.Intersects(box) || !word.Text.Any(char.IsAsciiDigit)) continue;
            lowest = Math.Min(lowest ?? 1, word.Confidence);
        }
        return lowest is { } c ? Math.Round(c, 3) : null;
    }

    private static Provenance WithConfidence(Provenance p, double confidence) => new()
    {
        Kind = p.Kind, Table = p.Table, Page = p.Page, Bbox = p.Bbox, Path = p.Path, Printed = p.Printed,
        PrintedUnit = p.PrintedUnit, Column = p.Column, Confidence = confidence,
    };
}

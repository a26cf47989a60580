namespace Extractor.Core.Layout;

/// <summary>
/// What a reader saw on one page: visible words (clipped text removed), lines in reading order,
/// rulings for the table stage. Width/height are of the page as displayed (after /Rotate).
/// </summary>
public sealed record PageContent(
    int Number,
    double Width,
    double Height,
    IReadOnlyList<TextWord> Words,
    IReadOnlyList<TextLine> Lines,
    IReadOnlyList<Ruling> Rulings)
{
    /// <summary>Images covering most of the page with almost no text: a scan that still needs OCR (false once OCR has read it).</summary>
    public bool LooksScanned { get; init; }

    /// <summary>Below 1 when the page's words come from OCR (Tesseract's mean word confidence).</summary>
    public double TextConfidence { get; init; } = 1.0;

    /// <summary>The OCR engine that read the page (<see cref="OcrReaders"/>); null for a text layer. Its confidences mean different things.</summary>
    public string? ReadBy { get; init; }
}

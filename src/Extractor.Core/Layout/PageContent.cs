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
    /// <summary>Images covering most of the page with almost no text: a scan that needs OCR.</summary>
    public bool LooksScanned { get; init; }

    /// <summary>Where values come from OCR this is below 1.</summary>
    public double TextConfidence { get; init; } = 1.0;
}

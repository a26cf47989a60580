namespace Extractor.Ocr;

/// <summary>
/// Settings of <see cref="RulingEraser"/>, which paints a page's table borders white before its text is read. Lengths
/// are in inches, so they hold at any resolution.
/// </summary>
public sealed record RulingEraserOptions
{
    /// <summary>
    /// How far across a ruling from where it was detected its ink is looked for (the band painted white before the
    /// eraser measured lines): a scanned line drifts a pixel or two along its length and is rounded to whole pixels. A
    /// 60th of an inch, 3 px at 200 dpi, never less than 2 px.
    /// </summary>
    public double ReachInches { get; init; } = 1.0 / 60;

    /// <summary>
    /// A pixel is ink — the line's, its grey fringe's, or a glyph's touching it — when darker than the paper by this
    /// share of the way to black. Low, because a scanned or resampled line carries a fringe of light grey on both sides,
    /// which, left standing beside the painted line, the recogniser reads as a mark (a ¥ before a figure).
    /// </summary>
    public double InkShare { get; init; } = 0.1;

    /// <summary>
    /// A cross-section of a ruling whose ink runs longer than the line's own thickness (its commonest cross-section) by
    /// more than this many pixels holds a glyph touching the line (a figure printed against a column border, a text
    /// line running past a cell's bottom): there only the line's own width is painted and the glyph's stroke is kept.
    /// </summary>
    public int TouchSlack { get; init; } = 1;

    /// <summary>
    /// Beyond its ink, a line's faint edge is painted too, this far on each side where no glyph touches it: a line
    /// resampled (a scan's image drawn at another resolution) fades into the paper over a pixel or two too light to
    /// count as ink, and such a faint line standing alone is detected as a text region and read (N, 3). A 150th of an
    /// inch, 2 px at 300 dpi, never less than 1 px. Anything this light beside the line is no stroke.
    /// </summary>
    public double FringeInches { get; init; } = 1.0 / 150;

    public static RulingEraserOptions Default { get; } = new();
}

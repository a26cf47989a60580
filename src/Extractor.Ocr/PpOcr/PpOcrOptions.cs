namespace Extractor.Ocr.PpOcr;

/// <summary>
/// Settings of the PP-OCR reader. The detection post-processing defaults are PaddleOCR's own (DB: threshold 0.3,
/// box threshold 0.6, unclip ratio 1.5); the rest are ours, chosen by measurement with scripts/bench-ocr.
/// </summary>
public sealed record PpOcrOptions
{
    /// <summary>A pixel of the detection map above this probability is text.</summary>
    public double DetectionThreshold { get; init; } = 0.3;

    /// <summary>A region whose mean probability (over its box) is below this is dropped.</summary>
    public double BoxThreshold { get; init; } = 0.6;

    /// <summary>DB predicts text shrunk by a margin; the box is grown back by area × ratio / perimeter.</summary>
    public double UnclipRatio { get; init; } = 1.5;

    /// <summary>Regions with a side shorter than this (detection-map pixels) are specks.</summary>
    public int MinBoxSide { get; init; } = 3;

    /// <summary>At most this many regions a page (a dense table page has a few hundred).</summary>
    public int MaxRegions { get; init; } = 3000;

    /// <summary>
    /// The detection network sees the page scaled so that a line of body text is about this many pixels high: the
    /// page's own type size sets the resolution (small print gets more pixels, large print fewer, and work).
    /// </summary>
    public double DetectionLineHeight { get; init; } = 16;

    /// <summary>Bounds of the detection scale relative to the rendered page, and of the detection image's long side.</summary>
    public double MinDetectionScale { get; init; } = 0.2;
    public double MaxDetectionScale { get; init; } = 1.0;
    public int MaxDetectionSide { get; init; } = 2560;

    /// <summary>Lines recognised in one network call (similar widths together, so little padding is computed).</summary>
    public int RecognitionBatch { get; init; } = 8;

    /// <summary>PaddleOCR pads every line to at least 320 pixels wide (the width it was trained at).</summary>
    public int RecognitionMinWidth { get; init; } = 320;

    /// <summary>The angle classifier turns a line upside down only when this sure (PaddleOCR: 0.9).</summary>
    public double AngleThreshold { get; init; } = 0.9;

    /// <summary>
    /// A line of one character read less sure than this, or read as a Latin letter, is read again framed with a margin
    /// (<see cref="LoneGlyphMargin"/>). The detector's box of a lone small glyph is as tight as its ink, and the
    /// recogniser, trained on lines whose boxes leave room around the type, misreads a glyph that fills its whole height:
    /// a lone 6 in a form's cell read h (0.51), with a margin 6 (0.999); lone 2s at 0.85 read 2 at 0.998.
    /// </summary>
    public double LoneGlyphRereadBelow { get; init; } = 0.9;

    /// <summary>The margin the second reading of a lone glyph adds on each side, as a share of the glyph's larger side.</summary>
    public double LoneGlyphMargin { get; init; } = 0.25;

    /// <summary>
    /// The second reading replaces the first only when it is a figure (a digit, or %) read at least this sure: a lone
    /// cell's content that matters is a figure, and a second reading as anything else is no better evidence than the
    /// first (lone ≥ signs, which the shape reader names, come out of both as M, W, V, 八 or =).
    /// </summary>
    public double LoneFigureMinConfidence { get; init; } = 0.95;

    /// <summary>
    /// A text region grown past a column border ends this far (inches; at least a pixel) short of the border's centre
    /// line (<c>PpOcrEngine.Within</c>): inside the painted-out line, whose ink and fringe <see cref="RulingEraser"/>
    /// clears, so that a glyph printed against the border keeps its first stroke in the crop (a region cut a 60th of an
    /// inch short took the left stroke of a 9 or half a % printed there: 99 read 9, the % lost).
    /// </summary>
    public double RegionBorderInset { get; init; } = 1.0 / 300;

    /// <summary>
    /// A region cut at a column border comes in to its own ink on that side, less this share of its height (the margin
    /// DB leaves around a line): grown into the neighbour's cell and cut, it kept a long blank lead before a
    /// right-aligned figure, into which the recogniser read a mark (¥400.00 for 400.00, the figure then lost).
    /// </summary>
    public double RegionInkMargin { get; init; } = 0.25;

    /// <summary>Where a region comes in to its ink, a pixel darker than this is ink (a glyph's anti-aliased edge is lighter).</summary>
    public byte RegionInkShade { get; init; } = 160;

    /// <summary>
    /// Ruled cells the detector found nothing in are looked at for ink (<c>PpOcrPageReader.Undetected</c>), inside this
    /// margin from their rulings (inches; at least 3 pixels): a ruling's own edge is not ink of the cell.
    /// </summary>
    public double UndetectedCellPadding { get; init; } = 1.0 / 50;

    /// <summary>Dark ink (square inches: 45 pixels at 300 dpi, a speck's worth) a cell needs to be read.</summary>
    public double UndetectedMinInk { get; init; } = 1.0 / 2000;

    /// <summary>
    /// Or half that ink, standing at least this high (inches, about 3.6 pt): a lone 1 of small type is a thin stroke
    /// a glyph high, 44 dark pixels at 300 dpi on a 200-dpi scan, while a speck of that much ink is round and low.
    /// </summary>
    public double UndetectedMinStrokeHeight { get; init; } = 1.0 / 20;

    /// <summary>Ink higher than this (inches, 18 pt: one line of a table's type) is several lines, not guessed at.</summary>
    public double UndetectedMaxInkHeight { get; init; } = 1.0 / 4;

    /// <summary>At most this many cells of a page are read without a detected region (a page of blank cells is not worth it).</summary>
    public int MaxUndetectedCells { get; init; } = 200;

    /// <summary>Threads ONNX Runtime uses inside one network call; pages are read in parallel instead.</summary>
    public int IntraOpThreads { get; init; } = 1;
}

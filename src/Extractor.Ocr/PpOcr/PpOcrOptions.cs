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

    /// <summary>Threads ONNX Runtime uses inside one network call; pages are read in parallel instead.</summary>
    public int IntraOpThreads { get; init; } = 1;
}

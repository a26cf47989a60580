namespace Extractor.Ocr;

/// <summary>
/// Settings of <see cref="ComparisonSignShape"/>, the reading of a lone comparison sign (≥ ≤ = > <, and the slanted
/// ⩾ ⩽ most forms print) from the shape of its ink. Lengths are relative to the glyph (or the stroke) they measure, so
/// they hold at any resolution; chosen on the performance forms of two producers (Beijing, ruled in silver; Changsha,
/// ruled in black) scanned at 150 and 200 dpi, where every sign passes them with room to spare.
/// </summary>
public sealed record ComparisonSignOptions
{
    /// <summary>
    /// A pixel is ink when darker than the paper around the glyph (its most common shade) by this share of the way to
    /// black. Low, because a sign's strokes are hairlines: at 150–200 dpi, resampled, most of their pixels are light grey
    /// (170–200 on white), and at mid grey a slanted arm falls apart into pieces.
    /// </summary>
    public double InkDepth { get; init; } = 0.2;

    /// <summary>
    /// A lone chevron is read as > or < only if, counting pixels this little darker than the paper as ink, it is still a
    /// chevron alone: a bar printed or scanned fainter than its chevron would make it ≥ or ≤.
    /// </summary>
    public double FaintInkDepth { get; init; } = 0.08;

    /// <summary>
    /// When the glyph at <see cref="InkDepth"/> names nothing, it is looked at counting only pixels this much darker than
    /// the paper, before the dark look: a slanted hairline drawn as a staircase at 200 dpi holds together in its mid grey,
    /// where ⩽'s bar, slanted along its lower arm, touches the arm's end in light grey only (one blob at the light look)
    /// and the dark look breaks both strokes into their steps (the ⩽ of two Beijing producers' forms at 200 dpi: a
    /// district bureau's, and a municipal bureau's project form whose ⩽ was named nothing before).
    /// </summary>
    public double MidInkDepth { get; init; } = 0.35;

    /// <summary>
    /// When the glyph at <see cref="InkDepth"/> names nothing, it is looked at once more counting only pixels this much
    /// darker than the paper: a page rasterised at 150–200 dpi draws a hairline slanted stroke as a staircase of short
    /// dashes, each trailing grey, and the grey of ⩽'s lower arm touches its bar (one blob, no sign) where their dark
    /// cores stand apart; ＝'s two hairline bars a pixel apart at 200 dpi run together in grey when resampled. Mid grey:
    /// the cores of such strokes are black. At this look a stroke may be a pixel thick: a speck is told by its length.
    /// </summary>
    public double DarkInkDepth { get; init; } = 0.5;

    /// <summary>
    /// A blob of fewer pixels than (dpi / this)² is a speck (scanner dust, a remnant of a painted-out ruling), not a
    /// stroke: 16 pixels at 300 dpi, a square a third of a typical stroke's length.
    /// </summary>
    public int SpeckDivisor { get; init; } = 75;

    /// <summary>A sign is at least dpi / this pixels high or wide (2.4 pt): a smaller mark is no printed sign.</summary>
    public int MinSizeDivisor { get; init; } = 30;

    /// <summary>
    /// Strokes of one glyph lie at most this many glyph sizes (its height or width, the larger) apart (≥'s bar under
    /// its chevron, ='s two bars); ink
    /// further away belongs to something else. The region around the line searched for such ink reaches twice as far:
    /// a glyph whose strokes reach its edge is part of something larger and is not judged.
    /// </summary>
    public double StrokeGap { get; init; } = 0.6;

    /// <summary>A bar is a stroke at least this many times longer than thick (a chevron's two arms are about 1.5).</summary>
    public double MinBarElongation { get; init; } = 4;

    /// <summary>The bar under a chevron (≥, ≤) is level or slanted along the chevron's lower arm, at most this steep (degrees).</summary>
    public double MaxUnderBarSlant { get; init; } = 40;

    /// <summary>
    /// The bar under a chevron spans at least this share of the chevron's width, beneath it (a stray stroke beside it
    /// does not make ≥), and the chevron at least this share of the bar's (a small hook over a long base is a 2).
    /// </summary>
    public double MinUnderBarWidth { get; init; } = 0.6;

    /// <summary>The two bars of = are level within this many degrees (and the bar under a chevron tilts at most this far the other way).</summary>
    public double MaxEqualsBarSlant { get; init; } = 10;

    /// <summary>
    /// The two bars of = are as long as each other within this share; the shorter overlaps the longer over this share
    /// of its length. 二 and 三 draw their strokes of unequal lengths (the top one shorter), which this tells apart.
    /// </summary>
    public double MinEqualsBarRatio { get; init; } = 0.85;

    /// <summary>
    /// A chevron (> <) is between these multiples of its height wide: narrower is a bracket or a 1, wider a dash (which
    /// the tip and arm tests refuse too). Song typefaces draw ⩾'s chevron flat, and a page rasterised at 200 dpi trails
    /// each step of its arms with grey to the side: such chevrons measure up to about 1.7 times their height.
    /// </summary>
    public double MinChevronWidth { get; init; } = 0.35;
    public double MaxChevronWidth { get; init; } = 2.0;

    /// <summary>
    /// A chevron's arms are straight: the middle of each row's ink departs from the line fitted through its arm by at
    /// most this share of the chevron's width (a ( or a 2 is curved).
    /// </summary>
    public double MaxArmDeviation { get; init; } = 0.12;

    /// <summary>The chevron's tip lies between these shares of its height from its top (an L or a 7 has it at an end).</summary>
    public double MinTipHeight { get; init; } = 0.3;
    public double MaxTipHeight { get; init; } = 0.7;

    /// <summary>The chevron's two ends lie within this share of its width from its open side.</summary>
    public double MaxEndReach { get; init; } = 0.35;

    /// <summary>
    /// The confidence given to a sign read from its shape: every test above passed, which a letter, a figure or a CJK
    /// character fails; above even odds, as a recogniser's sure reading.
    /// </summary>
    public double Confidence { get; init; } = 0.9;
}

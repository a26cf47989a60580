using Extractor.Ocr;
using Extractor.Pdf.Reading;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// The comparison signs of performance forms read from their ink's shape: every character printed alone (a word of one
/// character in the text PDF) is looked at on an image-only copy of its page, where the text layer says what it is.
/// Signs (the slanted ⩾ ⩽ of Song typefaces, and =) must be named right; figures, units, 一 and the rest must name
/// nothing. Two producers: Beijing's forms (hairline signs, rulings in silver) and Changsha's (rulings in black, a
/// small = of hairlines), scanned at 150 and 200 dpi.
/// </summary>
public class ComparisonSignShapeTests
{
    private const int Dpi = 300; // the page reader's resolution

    [Theory]
    [InlineData("bj-czj-2026-budget-dept-perf-pages.pdf", 9, 200)]
    [InlineData("bj-czj-2026-budget-dept-perf-pages.pdf", 10, 150)]
    [InlineData("hn-changsha-gaj-2025-budget-perf-pages.pdf", 1, 150)]
    [InlineData("hn-changsha-gaj-2025-budget-dept-perf-pages.pdf", 4, 200)]
    public void Lone_signs_are_named_right_and_nothing_else_is_named(string file, int page, int scanDpi)
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var pdf = Corpus.Path("extra", file);
        var lone = new PdfDocumentReader().Read(pdf).Pages.Single(p => p.Number == page).Words.Where(w => w.Text.Length == 1).ToList();
        using var copy = ScanMaker.ScanToFile(pdf, [page], scanDpi);
        var image = PpOcrPageReader.Render(copy.Path, 1, Dpi, TimeSpan.FromMinutes(2), CancellationToken.None);
        var height = image.ToPoints(image.Height);
        var clean = image.WithoutRulings(ImageRulingDetector.Detect(image, height), height);
        var shape = new ComparisonSignShape();
        int signs = 0, named = 0, others = 0;
        foreach (var w in lone)
        {
            var printed = ComparisonSignShape.IsSign(w.Text) ? w.Text : null;
            var read = shape.Read(clean, image.ToPixels(w.Box.Left), image.ToPixels(height - w.Box.Top), image.ToPixels(w.Box.Right), image.ToPixels(height - w.Box.Bottom));
            if (printed is null) { others++; Assert.True(read is null, $"'{w.Text}' at {w.Box} named {read}"); continue; }
            signs++;
            if (read is null) continue;
            Assert.True(read == printed, $"'{printed}' at {w.Box} named {read}");
            named++;
        }
        Assert.True(signs >= 4 && others >= 4, $"{signs} lone signs and {others} other lone characters on the page");
        Assert.True(named == signs, $"{named} of {signs} lone signs named");
    }

    /// <summary>Strokes drawn here (300 dpi, a glyph 40 px ≈ 10 pt high): signs of either style, and the marks a sign must not be taken for.</summary>
    [Theory]
    [InlineData("upright ≥", "≥")]
    [InlineData("slanted ⩾", "≥")]
    [InlineData("slanted ⩽", "≤")]
    [InlineData("=", "=")]
    [InlineData(">", ">")]
    [InlineData("<", "<")]
    [InlineData("flat ⩾", "≥")]               // a Song ⩾ rasterised at 200 dpi: its chevron 1.7 times as wide as high
    [InlineData("⩽ touching in grey", "≤")]   // the bar joined to the lower arm by grey only (a rasterised hairline's trail)
    [InlineData("> over a faint bar", null)] // a ≥ whose bar is lighter than its chevron: never >
    [InlineData("hook over a base", null)]   // a narrow chevron over a long bar: a 2's parts at a dark look, no ≥
    [InlineData("二", null)]                 // two level bars of unequal length
    [InlineData("一", null)]
    [InlineData("1", null)]
    [InlineData("7", null)]
    [InlineData("V", null)]
    public void Drawn_strokes_are_named_only_when_they_make_a_sign(string drawn, string? sign)
    {
        const byte ink = 60, faint = 228, grey = 170;
        List<(int, int, int, int, byte)> strokes = drawn switch
        {
            "upright ≥" => [.. Chevron(right: true), (60, 112, 100, 112, ink)],
            "slanted ⩾" => [.. Chevron(right: true), (60, 115, 100, 95, ink)],
            "slanted ⩽" => [.. Chevron(right: false), (60, 95, 100, 115, ink)],
            "=" => [(60, 80, 100, 80, ink), (60, 95, 100, 95, ink)],
            ">" => Chevron(right: true),
            "<" => Chevron(right: false),
            "flat ⩾" => [(50, 72, 104, 88, ink), (104, 88, 50, 104, ink), (50, 117, 104, 101, ink)],
            "⩽ touching in grey" => [.. Chevron(right: false), (60, 95, 100, 115, ink), (66, 86, 66, 95, grey), (90, 98, 90, 107, grey)],
            "> over a faint bar" => [.. Chevron(right: true), (60, 112, 100, 112, faint)],
            "hook over a base" => [(72, 60, 80, 72, ink), (80, 72, 72, 84, ink), (60, 100, 100, 100, ink)],
            "二" => [(67, 80, 93, 80, ink), (58, 95, 102, 95, ink)],
            "一" => [(58, 88, 102, 88, ink)],
            "1" => [(80, 60, 80, 100, ink)],
            "7" => [(60, 60, 100, 60, ink), (100, 60, 72, 100, ink)],
            "V" => [(60, 60, 80, 100, ink), (80, 100, 100, 60, ink)],
            _ => [],
        };
        Assert.Equal(sign, new ComparisonSignShape().Read(Draw(strokes), 55, 55, 105, 120));
    }

    private static List<(int X1, int Y1, int X2, int Y2, byte Shade)> Chevron(bool right) =>
        right ? [(60, 60, 100, 80, 60), (100, 80, 60, 100, 60)] : [(100, 60, 60, 80, 60), (60, 80, 100, 100, 60)];

    /// <summary>
    /// ⩽ rasterised at 200 dpi, read at 300 (the pages' own pixels, their rulings painted out), whose slanted bar touches
    /// the chevron's lower arm in light grey. A Beijing bureau's project form: the bar's grey runs into the arm and the
    /// bar reaches the tip's side again at the foot; taken for one chevron with its tip set between the two, it was read
    /// <, a sign the page does not print, and at the dark look the bar falls into two steps. A district bureau's form:
    /// one blob at the light look, and at the dark look both strokes fall apart into their steps. At the mid look
    /// chevron and bar stand apart: ≤. Without it, nothing (a wrong sign is worse than none): never <.
    /// </summary>
    [Theory]
    [InlineData("scan-slanted-le-bar-touching-300dpi.pgm", 21.8, 21.1, 37.7, 39.4)]
    [InlineData("scan-slanted-le-staircase-300dpi.pgm", 20, 17, 38, 35)]
    public void A_slanted_le_whose_bar_touches_its_arm_in_grey_is_named_at_the_mid_look_never_less_than(string file, double left, double top, double right, double bottom)
    {
        var image = PageImage.ReadPgm(Corpus.Path("extra", file), Dpi);
        Assert.Equal("≤", new ComparisonSignShape().Read(image, left, top, right, bottom));
        var lightAndDarkOnly = new ComparisonSignOptions { MidInkDepth = new ComparisonSignOptions().InkDepth };
        Assert.Null(new ComparisonSignShape(lightAndDarkOnly).Read(image, left, top, right, bottom));
    }

    [Fact]
    public void A_loose_detector_box_in_a_grid_of_tight_rows_reads_its_sign_from_the_box_middle()
    {
        // A district bureau's form at 200 dpi, read at 300, rulings painted out: rows little taller than their ⩾, the
        // label of the cell to the left printed against the border. The detector's box (38 × 30 px for a 17 × 18 glyph)
        // reaches the neighbour's glyph; the search around it, in proportion to its size, takes in the signs of the
        // rows above and below as well: no one glyph, so nothing named at the box, the ⩾ at its middle half.
        var image = PageImage.ReadPgm(Corpus.Path("extra", "scan-sign-loose-box-tight-rows-300dpi.pgm"), Dpi);
        var shape = new ComparisonSignShape();
        Assert.Null(shape.Read(image, 50, 62, 88, 92));
        Assert.Equal("≥", shape.ReadInBox(image, 50, 62, 88, 92));
        // The rows above and below, read in their own tight boxes, are signs too: what the loose box took in.
        Assert.Equal("≥", shape.Read(image, 65, 14, 84, 36));
        Assert.Equal("≥", shape.Read(image, 65, 127, 82, 144));
    }

    [Fact]
    public void Equals_bars_run_together_in_grey_are_told_apart_by_their_cores()
    {
        // ＝ in hairlines a pixel apart at 200 dpi, resampled to 300 (a veterans' bureau's form): each bar 14 px long, a
        // row of black between rows of grey, the grey of the two bars touching. At the usual look one blob; at the dark
        // look two bars a pixel thick — fewer pixels than a speck's square, but a speck's side long many times over.
        var image = Draw([(60, 80, 73, 80, 170), (60, 83, 73, 83, 170)], cores: [(80, 60, 73), (83, 60, 73)]);
        Assert.Equal("=", new ComparisonSignShape().Read(image, 58, 76, 76, 88));
    }

    /// <summary>A white 300 dpi image with straight strokes 3 px thick, and level rows of black a pixel thick (cores: y, from x, to x).</summary>
    private static PageImage Draw(List<(int X1, int Y1, int X2, int Y2, byte Shade)> strokes, List<(int Y, int X1, int X2)>? cores = null)
    {
        const int size = 200;
        var pixels = Enumerable.Repeat((byte)255, size * size).ToArray();
        foreach (var (x1, y1, x2, y2, shade) in strokes)
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                {
                    double dx = x2 - x1, dy = y2 - y1;
                    var t = Math.Clamp(((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy), 0, 1);
                    var distance = Math.Sqrt(Math.Pow(x - (x1 + t * dx), 2) + Math.Pow(y - (y1 + t * dy), 2));
                    if (distance <= 1.5) pixels[y * size + x] = Math.Min(pixels[y * size + x], shade);
                }
        foreach (var (y, x1, x2) in cores ?? [])
            for (var x = x1; x <= x2; x++) pixels[y * size + x] = 60;
        return new PageImage(size, size, pixels, Dpi);
    }
}

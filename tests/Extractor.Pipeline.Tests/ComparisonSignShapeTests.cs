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
    [InlineData("> over a faint bar", null)] // a ≥ whose bar is lighter than its chevron: never >
    [InlineData("二", null)]                 // two level bars of unequal length
    [InlineData("一", null)]
    [InlineData("1", null)]
    [InlineData("7", null)]
    [InlineData("V", null)]
    public void Drawn_strokes_are_named_only_when_they_make_a_sign(string drawn, string? sign)
    {
        const byte ink = 60, faint = 228;
        List<(int, int, int, int, byte)> strokes = drawn switch
        {
            "upright ≥" => [.. Chevron(right: true), (60, 112, 100, 112, ink)],
            "slanted ⩾" => [.. Chevron(right: true), (60, 115, 100, 95, ink)],
            "slanted ⩽" => [.. Chevron(right: false), (60, 95, 100, 115, ink)],
            "=" => [(60, 80, 100, 80, ink), (60, 95, 100, 95, ink)],
            ">" => Chevron(right: true),
            "<" => Chevron(right: false),
            "> over a faint bar" => [.. Chevron(right: true), (60, 112, 100, 112, faint)],
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

    /// <summary>A white 300 dpi image with straight strokes 3 px thick.</summary>
    private static PageImage Draw(List<(int X1, int Y1, int X2, int Y2, byte Shade)> strokes)
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
        return new PageImage(size, size, pixels, Dpi);
    }
}

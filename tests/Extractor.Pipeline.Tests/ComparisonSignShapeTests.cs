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
        var scanPath = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(scanPath, ScanMaker.Scan(pdf, [page], scanDpi));
        try
        {
            var image = PpOcrPageReader.Render(scanPath, 1, Dpi, TimeSpan.FromMinutes(2), CancellationToken.None);
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
        finally
        {
            File.Delete(scanPath);
        }
    }
}

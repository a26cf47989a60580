using Extractor.Ocr;
using Extractor.Pdf.Reading;
using Extractor.Recognition.Profile;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

[Trait("Category", "Slow")]
public class ScannedPdfTests
{
    [Theory]
    [InlineData(OcrEngine.Tesseract)]
    [InlineData(OcrEngine.PpOcr)]
    public void ScannedPagesAreReadByOcrWithPositionsAndLowerConfidence(OcrEngine engine)
    {
        // .ci/run installs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils: their absence is a failure here.
        Assert.True(TesseractPageOcr.Available, "pdftoppm and tesseract must be installed (see .ci/run)");
        var path = Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf");
        var raw = new PdfDocumentReader().Read(path);
        Assert.All(raw.Pages, p => Assert.True(p.LooksScanned));
        Assert.All(raw.Pages, p => Assert.Equal(1.0, p.TextConfidence));
        Assert.All(raw.Pages, p => Assert.Empty(p.Lines));

        var page1 = ScannedPageReader.Apply(raw with { Pages = raw.Pages.Take(1).ToList() }, path, TimeSpan.FromSeconds(120), default, engine: engine);
        var lines = page1.Pages[0].Lines;
        Assert.Contains(lines, l => l.Text.Contains("项目基本情况"));
        Assert.InRange(page1.Pages[0].TextConfidence, 0.5, 0.999);
        Assert.All(lines, l => Assert.True(l.Box.Top <= page1.Pages[0].Height && l.Box.Bottom >= 0));
        var profile = DocumentProfiler.Profile(page1, []);
        Assert.Equal("performance_evaluation", profile.Kind);
        Assert.Equal(2022, profile.FiscalYear);
    }
}

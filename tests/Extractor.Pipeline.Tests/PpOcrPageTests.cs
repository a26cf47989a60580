using Extractor.Core.Pipeline;
using Extractor.Core.Text;
using Extractor.Ocr;
using Extractor.Ocr.PpOcr;
using Extractor.Office.Legacy;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// PP-OCR on a page whose text the test itself wrote (LibreOffice makes the PDF, pdftoppm the image): read upright,
/// turned a quarter, skewed, and at 96 dpi. The models are the ones the build copies beside the tests; their absence,
/// or that of LibreOffice or pdftoppm, fails these tests.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PpOcrPageTests : IClassFixture<PpOcrPageTests.KnownPage>
{
    public static readonly string[] Lines =
    [
        "2024年度部门决算说明",
        "一般公共预算财政拨款收入307.82万元",
        "“三公”经费支出合计12.35万元，比上年减少1.20万元。",
        "机关运行经费支出45.67万元，主要用于办公费和印刷费。",
        "政府采购支出总额1,234.56万元",
    ];

    private readonly KnownPage page;

    public PpOcrPageTests(KnownPage page) => this.page = page;

    /// <summary>The known lines as a PDF, once for the class (LibreOffice takes seconds to start).</summary>
    public sealed class KnownPage : IDisposable
    {
        public string Pdf { get; }

        public KnownPage()
        {
            Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
            Assert.True(LibreOfficeConverter.FindExecutable() is not null, "LibreOffice must be installed (see .ci/run)");
            var dir = Directory.CreateTempSubdirectory("extractor-ppocr-test-").FullName;
            // A flat OpenDocument text: UTF-8 by definition, 14 pt, one paragraph a line.
            var fodt = Path.Combine(dir, "known.fodt");
            File.WriteAllText(fodt, """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
                  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
                <office:styles><style:default-style style:family="paragraph"><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:default-style></office:styles>
                <office:body><office:text>
                """ + string.Concat(Lines.Select(l => $"<text:p>{System.Security.SecurityElement.Escape(l)}</text:p>")) + "</office:text></office:body></office:document>");
            Pdf = Path.Combine(dir, "known.pdf");
            File.WriteAllBytes(Pdf, new LibreOfficeConverter().Convert(fodt, "fodt", "pdf"));
        }

        public PageImage Image(int dpi) => PpOcrPageReader.Render(Pdf, 1, dpi, TimeSpan.FromSeconds(60), default);

        public void Dispose() => Directory.Delete(Path.GetDirectoryName(Pdf)!, recursive: true);
    }

    private static List<string> Read(PageImage image) =>
        new PpOcrPageReader().Read(image, 1).Lines.Select(l => TextNormalizer.Compact(l.Text)).ToList();

    private static void AssertAllLines(List<string> read)
    {
        foreach (var line in Lines)
            Assert.True(read.Contains(TextNormalizer.Compact(TextNormalizer.Normalize(line))), $"'{line}' not read; read: {string.Join(" | ", read)}");
    }

    [Fact]
    public void A_rendered_page_reads_as_written_with_every_figure_in_place()
    {
        var image = page.Image(200);
        var content = new PpOcrPageReader().Read(image, 1);
        AssertAllLines(content.Lines.Select(l => TextNormalizer.Compact(l.Text)).ToList());
        Assert.InRange(content.TextConfidence, 0.8, 0.999);
        // Words carry the page's geometry in points: the figure sits on its line, right of the words before it.
        var figure = content.Words.Single(w => w.Text.Contains("307.82"));
        var line = content.Lines.Single(l => l.Text.Contains("307.82"));
        Assert.True(line.Box.Contains(figure.Box.CentreX, figure.Box.CentreY));
        // Each word carries the recogniser's confidence in it (a text layer's words have 1): sure of a clean figure.
        Assert.InRange(figure.Confidence, 0.8, 1.0);
        Assert.All(content.Words, w => Assert.InRange(w.Confidence, 0.0, 1.0));
        Assert.Contains(content.Words, w => w.Confidence < 1);
        Assert.InRange(content.Width, 590, 600);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_page_scanned_sideways_is_turned_upright_before_it_is_read(int quarterTurns)
    {
        var upright = page.Image(200);
        var sideways = ImageSampling.Turn(upright, quarterTurns);
        var content = new PpOcrPageReader().Read(sideways, 1);
        AssertAllLines(content.Lines.Select(l => TextNormalizer.Compact(l.Text)).ToList());
        // The page is reported as it reads: upright, portrait again.
        Assert.True(content.Height > content.Width);
    }

    [Fact]
    public void A_skewed_scan_is_straightened()
    {
        var skewed = ImageSampling.Rotate(page.Image(200), 2.0 * Math.PI / 180);
        AssertAllLines(Read(skewed));
    }

    [Fact]
    public void A_96_dpi_page_keeps_every_figure()
    {
        var read = Read(page.Image(96));
        foreach (var figure in new[] { "307.82", "12.35", "1.20", "45.67", "1,234.56" })
            Assert.Contains(read, l => l.Contains(figure));
        Assert.True(Lines.Count(l => read.Contains(TextNormalizer.Compact(TextNormalizer.Normalize(l)))) >= 4, string.Join(" | ", read));
    }

    [Fact]
    public void A_missing_model_file_is_named_in_the_error()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-no-models-").FullName;
        try
        {
            var e = Assert.Throws<ExtractionException>(() => new PpOcrPageReader(PpOcrModels.In(dir)));
            Assert.Equal("ocr_model_missing", e.Reason);
            Assert.Contains(Path.Combine(dir, "ch_PP-OCRv4_det_infer.onnx"), e.Message);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}

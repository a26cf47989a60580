using Extractor.Core.Layout;
using Extractor.Ocr;
using Extractor.Pdf.Text;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>Prose lines the page reading garbled into Latin are read again alone and mended where the page had noise only.</summary>
public class ProseLineRereadTests
{
    /// <summary>A limit no reading of two pages reaches on any machine: the test is about what is read, not how fast.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(30);

    private const int Dpi = 72; // one pixel a point, as in OcrStepsTests

    [Fact]
    public void LatinNoiseInAProseLineIsReplacedByTheSecondReading()
    {
        var page = Words("万元、工程采购金额", "1387.", "72", "770.", "MARIA", "&", "MH", "809.07", "万元。");
        var again = Words("万元、工程采购金额", "1387.72", "万元、服务采购金额", "809.07", "万元。");
        Assert.Equal("万元、工程采购金额1387. 72万元、服务采购金额809.07万元。", Text(NoiseSplice.Mend(page, again)!));
    }

    [Fact]
    public void WhereTheSecondReadingIsTheWorseOneThePageReadingStays()
    {
        // chi_sim alone reads 0% as 09%6: only the Latin stretches are taken, the percentages stay as the page read them.
        var page = Words("0%,", "H+:", "RAH", "GH)费决算为0.00万元,完成预算的0%;");
        var again = Words("0%6,", "其中:", "因公出国〈境)费决算为0.00万元,完成预算的09%6;");
        Assert.Equal("0%,其中:因公出国〈境)费决算为0.00万元,完成预算的0%;", Text(NoiseSplice.Mend(page, again)!));
    }

    [Fact]
    public void NoStretchIsTakenAgainstAFigureTheReadingsDisagreeOn()
    {
        // 51,324.41 read as 5132441 by the page and $1.324.41 by the second reading: 万元 after it would make a wrong fact.
        var page = Words("其他收入", "5132441", "Am,", "Fx");
        var again = Words("其他收入", "$1.324.41", "万元,", "占收");
        var mended = NoiseSplice.Mend(page, again);
        Assert.DoesNotContain("5132441万元", mended is null ? "" : Text(mended));
    }

    [Fact]
    public void ThePagesChineseAndItsAmountsAreNeverOverwritten()
    {
        Assert.Null(NoiseSplice.Mend(Words("(HD)。主要用于"), Words("《项\"过要用于")));  // 主 is the page's own Chinese
        Assert.Null(NoiseSplice.Mend(Words("支出", "12.50", "AT"), Words("支出", "万元")));  // 12.50 would be lost
        Assert.Null(NoiseSplice.Mend(Words("西南大学(Southwest", "University)是"), Words("西南大学(Southwest", "University)是")));
    }

    [Fact]
    public void OnlyGarbledProseLinesOutsideTablesAreReadAgain()
    {
        var pixels = new byte[300 * 300];
        Array.Fill(pixels, (byte)255);
        var image = new PageImage(300, 300, pixels, Dpi);
        // Points, bottom-left origin: a garbled prose line at the top, a clean one below, a garbled one in a ruled cell.
        var garbled = Row(250, ("公务接待费", 20), ("0.39", 80), ("AT.", 130), ("RF:", 170));
        var clean = Row(200, ("公务接待费", 20), ("0.39", 80), ("万元", 130));
        var inCell = Row(100, ("公务接待费", 20), ("0.39", 80), ("AT.", 130), ("RF:", 170));
        var cell = new Box(10, 90, 210, 120);
        var crops = new List<PageImage>();
        var reader = new ProseLineRereader(crop =>
        {
            crops.Add(crop);
            // Where the crop's words lie does not matter to the splice: its text does.
            return Tsv("公务接待费", "0.39", "万元。其中:");
        });
        var glyphs = reader.Apply(image, [cell], [.. garbled, .. clean, .. inCell]);
        Assert.Single(crops);
        var lines = LineBuilder.Build(glyphs).Lines.Select(l => l.Text).ToList();
        Assert.Contains("公务接待费0.39万元。其中:", lines);
        Assert.Equal(2, lines.Count(l => l.Contains("AT.") || l == "公务接待费0.39万元"));
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(OcrEngine.Tesseract)]
    [InlineData(OcrEngine.PpOcr)]
    public void AProcurementFactGarbledInAScanIsRecovered(OcrEngine engine)
    {
        Assert.True(TesseractPageOcr.Available, "pdftoppm and tesseract must be installed (see .ci/run)");
        var pdf = Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf");
        // p22 scanned at 150 dpi: the page reading ends 服务采购金额0万元。 as "0 AT." and 政府采购金额(以合同签订为准)
        // as "(WF / AT AW)"; read again, both lines are whole and the four procurement figures are there.
        using var copy = ScanMaker.ScanToFile(pdf, [22], dpi: 150);
        var scanned = new ReportExtractor(new ExtractionSettings { Ocr = engine, PerDocumentTimeout = Slack }).Extract(copy.Path);
        var labels = Labels.Load("sh-putuo-shegongbu-2024-final").GetProperty("facts");
        foreach (var key in new[] { "procurement.total", "procurement.goods", "procurement.works", "procurement.services" })
        {
            var fact = scanned.Facts.FirstOrDefault(f => f.Key == key);
            Assert.True(fact is not null, $"{key} not read from the scan");
            Assert.Equal(labels.GetProperty(key).GetDecimal(), fact.Value);
        }
    }

    /// <summary>OCR words left to right on one line, 10 points a character.</summary>
    private static List<GlyphBox> Words(params string[] values)
    {
        var x = 0.0;
        var words = new List<GlyphBox>();
        foreach (var v in values)
        {
            words.Add(new GlyphBox(v, new Box(x, 100, x + 10 * v.Length, 112), 12, "ocr", false));
            x += 10 * v.Length + 4;
        }
        return words;
    }

    private static List<GlyphBox> Row(double bottom, params (string Text, double Left)[] words) =>
        words.Select(w => new GlyphBox(w.Text, new Box(w.Left, bottom, w.Left + 10 * w.Text.Length, bottom + 12), 12, "ocr", false)).ToList();

    private static string Text(IReadOnlyList<GlyphBox> line) => LineBuilder.Build(line).Lines.Single().Text;

    /// <summary>Tesseract's TSV for one line of words, placed anywhere inside the crop.</summary>
    private static string Tsv(params string[] words) =>
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        + string.Concat(words.Select((w, i) => $"5\t1\t1\t1\t1\t{i + 1}\t{2 + 12 * i}\t2\t10\t10\t90\t{w}\n"));
}

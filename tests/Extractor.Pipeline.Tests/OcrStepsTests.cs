using Extractor.Core.Layout;
using Extractor.Ocr;
using Extractor.Pdf.Text;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>The OCR stage's own steps on small page images built here: no tesseract needed.</summary>
public class OcrStepsTests
{
    private const int Dpi = 72; // one pixel a point keeps the arithmetic readable

    [Theory]
    [InlineData("“三公?经费财政拨款支出", "“三公”经费财政拨款支出")]
    [InlineData("政府采购念额为251.25万元", "政府采购总额为251.25万元")]
    [InlineData("货物来购金额4.79万", "货物采购金额4.79万")]
    [InlineData("比2023年度增如2.55万", "比2023年度增加2.55万")]
    [InlineData("是否达到?目标", "是否达到?目标")]          // a question mark with no quote open stays
    [InlineData("为未来购买设备", "为未来购买设备")]          // 来购 across two words is left alone
    [InlineData("新增如下项目", "新增如下项目")]
    [InlineData("政府采购总额〈以合同签订为准)为251.25万元", "政府采购总额(以合同签订为准)为251.25万元")]
    [InlineData("其中:因公出国《〈境)费决算为0.00万元", "其中:因公出国(境)费决算为0.00万元")]
    [InlineData("工程采购人金额0万元", "工程采购金额0万元")]
    [InlineData("机关还行经费支出142.80万元", "机关运行经费支出142.80万元")]
    [InlineData("《预算法》规定", "《预算法》规定")]
    [InlineData("评价项目单位,。长沙市人民政府国有资产监督管理委员会", "评价项目单位:长沙市人民政府国有资产监督管理委员会")]
    [InlineData("报告日期, 2021年8月22日", "报告日期:2021年8月22日")]
    [InlineData("部门职责,主要包括", "部门职责,主要包括")]     // not a field label
    public void ProseMisreadingsThatAreNoWordAreMended(string ocr, string expected) => Assert.Equal(expected, Extractor.Ocr.OcrProseRepair.Repair(ocr));

    [Fact]
    public void CellsComeFromRulingsClosedOnFourSides()
    {
        // Two rows, two columns; the top row's cells are merged (no divider above the middle).
        Ruling H(double y) => new(100, y, 300, y);
        Ruling V(double x, double y1, double y2) => new(x, y1, x, y2);
        var cells = RulingCells.Find([H(500), H(450), H(400), V(100, 400, 500), V(300, 400, 500), V(200, 400, 450)]);
        Assert.Equal(3, cells.Count);
        Assert.Contains(new Box(100, 450, 300, 500), cells);
        Assert.Contains(new Box(100, 400, 200, 450), cells);
        Assert.Contains(new Box(200, 400, 300, 450), cells);
    }

    [Fact]
    public void ShortColumnBordersAreKeptOnlyWhereTheyMeetATableLine()
    {
        var image = Blank(400, 400);
        Line(image, 50, 100, 350, 100);   // a table's top and bottom lines (over an inch)
        Line(image, 50, 150, 350, 150);
        Line(image, 200, 100, 200, 150);  // a column border 50 px tall, between them
        Line(image, 300, 250, 300, 300);  // a stroke as tall, touching no line: a large glyph
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        var vertical = rulings.Where(r => r.IsVertical).ToList();
        Assert.Single(vertical);
        Assert.Equal(200, vertical[0].X1, 0);
    }

    [Fact]
    public void ATableOfOneRowKeepsItsColumnBorders()
    {
        // A header row printed alone at a page's foot: its borders are a row high (20 px, under the third of an inch
        // a column border otherwise needs), and each runs from the top line into the bottom one.
        var image = Blank(400, 400);
        Line(image, 50, 100, 350, 100);
        Line(image, 50, 120, 350, 120);
        foreach (var x in new[] { 50, 200, 350 }) Line(image, x, 100, x, 120);
        Line(image, 120, 104, 120, 116);  // a glyph's stroke in the cell, short of both lines
        Line(image, 260, 101, 260, 116);  // a stroke from the top line that stops in the cell
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        Assert.Equal([50.0, 200.0, 350.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
    }

    [Fact]
    public void SilverTableLinesAreRulingsAsBlackOnesAre()
    {
        // A table made from a web page prints its borders in silver (#C0C0C0): lighter than mid grey, still lines.
        var image = Blank(400, 400);
        Line(image, 50, 100, 350, 100, shade: 192);
        Line(image, 50, 150, 350, 150, shade: 192);
        Line(image, 50, 100, 50, 150, shade: 192);
        Line(image, 200, 100, 200, 150, shade: 192);
        Line(image, 350, 100, 350, 150, shade: 192);
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        Assert.Equal([250.0, 300.0], rulings.Where(r => !r.IsVertical).Select(r => Math.Round(r.Y1)).Order());
        Assert.Equal([50.0, 200.0, 350.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
    }

    [Fact]
    public void ShortSilverColumnBordersBetweenSilverTableLinesAreRulings()
    {
        // A silver-ruled table's sub-columns (合计 | 基本支出 | 项目支出 under 财政拨款): borders two rows high, 22 px, under
        // the third of an inch a column border otherwise needs, each running from one grey table line into another. A
        // grey stroke from the top line that stops in the cell is none.
        var image = Blank(400, 400);
        foreach (var y in new[] { 100, 111, 122 }) Line(image, 50, y, 350, y, shade: 192);
        foreach (var x in new[] { 50, 150, 250, 350 }) Line(image, x, 100, x, 122, shade: 192);
        Line(image, 200, 101, 200, 107, shade: 192);
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        Assert.Equal([50.0, 150.0, 250.0, 350.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
    }

    [Fact]
    public void AScannedSilverMoneyBlocksShortBordersAreKept()
    {
        // Real pixels: the money block of a department-wide form (Beijing's 预算13表) made from a web page, image-only at
        // 200 dpi and read at 300: 财政拨款 over 合计 | 基本支出 | 项目支出, then the figures, ruled in silver (192). The
        // borders under 财政拨款 are two rows high (20 pt); unfound, 合计 and 基本支出 were one column, their figures one
        // cell (820,087.414755 37,615.859058), and the department's money was lost.
        var image = PageImage.ReadPgm(Corpus.Path("extra", "scan-silver-money-block-short-borders-300dpi.pgm"), 300);
        var rulings = ImageRulingDetector.Detect(image, image.Height * 72.0 / 300);
        Assert.Equal([15.0, 66.0, 118.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
    }

    [Fact]
    public void ATableLinePrintedBlackInPartAndSilverBeyondIsARulingAllAlong()
    {
        // Black under a shaded header cell, silver (#C0C0C0) across the rest of the table: the dark look finds the black
        // stretch, the light look the whole line, which lies along the black one. Not a black line's grey edge seen
        // again: the silver stretch beyond the black one's end is kept.
        var image = Blank(400, 400);
        Line(image, 50, 100, 149, 100);
        Line(image, 150, 100, 350, 100, shade: 192);
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        Assert.Equal([(50.0, 149.0), (150.0, 350.0)], rulings.Select(r => (Math.Round(r.X1), Math.Round(r.X2))).Order());
    }

    [Fact]
    public void AScannedTableLineBlackInPartAndSilverBeyondIsKept()
    {
        // Real pixels: the line under a department-wide form's money figures (Beijing's 预算13表, image-only at 200 dpi,
        // read at 300), black for 370 px under the shaded 总体资金情况 cell, silver beyond. Unfound beyond the black,
        // the figures' row ran on into the 整体绩效目标 paragraph below, whose lines were read into the figures' cells.
        var image = PageImage.ReadPgm(Corpus.Path("extra", "scan-table-line-black-then-silver-300dpi.pgm"), 300);
        var rulings = ImageRulingDetector.Detect(image, image.Height * 72.0 / 300);
        Assert.Equal([(0.0, 90.0), (90.0, 192.0)], rulings.Where(r => !r.IsVertical).Select(r => (Math.Round(r.X1), Math.Round(r.X2))).Order());
    }

    [Fact]
    public void GreyAreasAndTheGreyEdgesOfBlackLinesAreNoRulings()
    {
        var image = Blank(400, 400);
        Fill(image, 50, 20, 350, 60, 200);             // a shaded header band: an area, however long its rows
        for (var y = 200; y < 360; y++)                 // a chart's grey disc: each row a long run, none a line
            for (var x = 100; x < 300; x++)
                if ((x - 200) * (x - 200) + (y - 280) * (y - 280) < 80 * 80) image[y * 400 + x] = 150;
        Line(image, 50, 120, 350, 120);                 // a black line drawn with grey (anti-aliased) edges
        Line(image, 50, 119, 350, 119, shade: 190);
        Line(image, 50, 121, 350, 121, shade: 190);
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        var ruling = Assert.Single(rulings);
        Assert.Equal(280, ruling.Y1, 0);
    }

    [Fact]
    public void GlyphsStackedRowOverRowInATightTableAreNoColumnBorder()
    {
        // Rows 12 px apart whose type fills them: in each row a glyph's upright at x 120, a pixel short of the lines
        // above and below (a break the run search bridges). Stacked over five rows they read as one stroke 60 px tall,
        // broken on both sides of every line it crosses. The borders at 50 and 350 cross the lines whole, as does a
        // faint scanned one at 200 (ink 110, the dark threshold's side) that goes on in grey (140) where it meets them.
        var image = Blank(400, 400);
        for (var y = 100; y <= 160; y += 12) Line(image, 50, y, 350, y);
        foreach (var x in new[] { 50, 350 }) Line(image, x, 100, x, 160);
        Line(image, 200, 100, 200, 160, shade: 110);
        for (var y = 112; y < 160; y += 12) { Line(image, 200, y - 1, 200, y - 1, shade: 140); Line(image, 200, y + 1, 200, y + 1, shade: 140); }
        for (var y = 100; y < 160; y += 12) Line(image, 120, y + 2, 120, y + 10);
        var rulings = ImageRulingDetector.Detect(new PageImage(400, 400, image, Dpi), 400);
        Assert.Equal([50.0, 200.0, 350.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
    }

    [Fact]
    public void GlyphStacksOfARealTinyTypeFormAreNotTakenForItsBorders()
    {
        // A budget's 项目支出绩效目标表 in type about 4 pt (a wide sheet shrunk onto an A4 page), image-only at 200 dpi and
        // read at 300: 效益指标 / 成本指标 under each other in the 一级指标 column and 社会效益指标 in the next, rows 16 px
        // tall. The real borders (at 7 and 53 pt) are kept; the uprights of 指 stacked over the rows (at 19 and 72 pt)
        // were taken for borders, and erased from the glyphs.
        var image = PageImage.ReadPgm(Corpus.Path("extra", "scan-tiny-type-glyph-stacks-300dpi.pgm"), 300);
        var rulings = ImageRulingDetector.Detect(image, image.Height * 72.0 / 300);
        Assert.Equal([7.0, 53.0], rulings.Where(r => r.IsVertical).Select(r => Math.Round(r.X1)).Order());
        Assert.Equal(6, rulings.Count(r => !r.IsVertical));
    }

    [Fact]
    public void ASkewedScansGreyBorderIsKeptWhereItDriftsAcrossARuling()
    {
        // A real scan (a transport bureau's budget, 300 dpi): a grey column border drifting two pixels left over its
        // 400 rows. Where it crosses the ruling near its foot, the column the stroke was found at is paper above and
        // below the ruling; the line itself, two pixels over, is unbroken. It is a border.
        var image = PageImage.ReadPgm(Corpus.Path("extra", "scan-skewed-grey-border-300dpi.pgm"), 300);
        var rulings = ImageRulingDetector.Detect(image, image.Height * 72.0 / 300);
        Assert.Contains(rulings, r => r.IsVertical && Math.Abs(r.X1 - 92.8) < 0.5 && Math.Abs(r.Y2 - r.Y1) > 90);
    }

    [Fact]
    public void EmptyCellsWithInkAreReadAgainAndPlacedOnThePage()
    {
        var pixels = Blank(200, 200);
        for (var y = 40; y < 50; y++) for (var x = 60; x < 90; x++) pixels[y * 200 + x] = 0; // a word nobody read
        var page = new PageImage(200, 200, pixels, Dpi);
        var cell = new Box(50, 140, 150, 170); // points, bottom-left: rows 30–60 from the top
        var crops = new List<PageImage>();
        var reader = new CellRereader(crop =>
        {
            crops.Add(crop);
            return Tsv(("合计", 10, 12, 30, 10));
        });
        var glyphs = reader.Apply(page, [cell], []);
        Assert.Single(crops);
        var word = Assert.Single(glyphs);
        Assert.Equal("合计", word.Value);
        Assert.True(cell.Contains(word.Box.CentreX, word.Box.CentreY), $"{word.Box} outside {cell}");
    }

    [Fact]
    public void CellsReadAsLatinAreReplacedOnlyByABetterReading()
    {
        var pixels = Blank(200, 200);
        for (var y = 40; y < 50; y++) for (var x = 60; x < 90; x++) pixels[y * 200 + x] = 0;
        var page = new PageImage(200, 200, pixels, Dpi);
        var cell = new Box(50, 140, 150, 170);
        var latin = new GlyphBox("RAMRIGS", new Box(60, 150, 90, 160), 10, "ocr", false);
        var better = new CellRereader(_ => Tsv(("因公出国(境)费", 10, 12, 30, 10))).Apply(page, [cell], [latin]);
        Assert.Equal("因公出国(境)费", Assert.Single(better).Value);
        var worse = new CellRereader(_ => Tsv(("BARN", 10, 12, 30, 10))).Apply(page, [cell], [latin]);
        Assert.Equal("RAMRIGS", Assert.Single(worse).Value);
        var amount = new GlyphBox("12.50", new Box(60, 150, 90, 160), 10, "ocr", false);
        Assert.Equal("12.50", Assert.Single(new CellRereader(_ => throw new InvalidOperationException("not re-read")).Apply(page, [cell], [amount])).Value);
    }

    [Fact]
    public void TheTsvCacheAnswersARepeatedImageWithoutReadingIt()
    {
        var dir = Directory.CreateTempSubdirectory("ocr-cache-test-");
        try
        {
            var image = Path.Combine(dir.FullName, "page.pgm");
            new PageImage(10, 10, Blank(10, 10), Dpi).WritePgm(image);
            var cache = new OcrCache(Path.Combine(dir.FullName, "cache"));
            var calls = 0;
            string Read() { calls++; return "tsv" + calls; }
            Assert.Equal("tsv1", cache.GetOrAdd(image, ["--psm", "6"], Read));
            Assert.Equal("tsv1", cache.GetOrAdd(image, ["--psm", "6"], Read));
            Assert.Equal("tsv2", cache.GetOrAdd(image, ["--psm", "7"], Read)); // other settings, other entry
            Assert.Equal(2, calls);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static byte[] Blank(int w, int h)
    {
        var pixels = new byte[w * h];
        Array.Fill(pixels, (byte)255);
        return pixels;
    }

    private static void Line(byte[] pixels, int x1, int y1, int x2, int y2, byte shade = 0) => Fill(pixels, x1, y1, x2, y2, shade);

    private static void Fill(byte[] pixels, int x1, int y1, int x2, int y2, byte shade)
    {
        for (var y = y1; y <= y2; y++) for (var x = x1; x <= x2; x++) pixels[y * 400 + x] = shade;
    }

    /// <summary>Tesseract's TSV: a header line, then level-5 (word) rows with pixel boxes.</summary>
    private static string Tsv(params (string Text, int Left, int Top, int Width, int Height)[] words) =>
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        + string.Concat(words.Select(w => $"5\t1\t1\t1\t1\t1\t{w.Left}\t{w.Top}\t{w.Width}\t{w.Height}\t90\t{w.Text}\n"));
}

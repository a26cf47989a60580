using Extractor.Core.Report;
using Extractor.Ocr;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>A scan of a labelled report must give the facts its text PDF gives, and never a wrong one that passes every check.</summary>
[Trait("Category", "Slow")]
public class ScannedReportTests
{
    /// <summary>A limit no reading of two pages reaches on any machine: the test is about what is read, not how fast.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(30);

    [Theory]
    [InlineData(OcrEngine.Tesseract)]
    [InlineData(OcrEngine.PpOcr)]
    public void ScannedTablesYieldTheTextPdfsFacts(OcrEngine engine)
    {
        Assert.True(TesseractPageOcr.Available, "pdftoppm and tesseract must be installed (see .ci/run)");
        var pdf = Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf");
        // 收入支出决算总表 (p5) and 一般公共预算财政拨款基本支出决算表 (p13).
        using var copy = ScanMaker.ScanToFile(pdf, [5, 13]);
        var scanned = new ReportExtractor(new ExtractionSettings { Ocr = engine, PerDocumentTimeout = Slack }).Extract(copy.Path);
        var labels = Labels.Load("sh-putuo-shegongbu-2024-final").GetProperty("facts");
        string[] keys = ["income.total", "expenditure.total", "grand_total", "basic.personnel", "basic.public"];
        var right = 0;
        foreach (var key in keys)
        {
            var fact = scanned.Facts.FirstOrDefault(f => f.Key == key);
            if (fact is null) continue;
            var expected = labels.GetProperty(key).GetDecimal();
            if (fact.Value == expected) right++;
            else Assert.Contains(scanned.Checks, c => c.Status == CheckStatus.Fail // a misread must trip a check
                || c.Message?.StartsWith(Extractor.Recognition.Checks.OcrCheckGuard.Reason, StringComparison.Ordinal) == true);
        }
        Assert.True(right == keys.Length, $"{right} of {keys.Length} facts right from the scan");
        Assert.All(scanned.Tables.SelectMany(t => t.Rows).Where(r => r.Provenance is not null),
            r => Assert.True(r.Provenance!.Page is 1 or 2));
    }

    [Fact]
    public void ATableWhoseHeaderRowAloneEndsAPageKeepsItsTitleOnAScan()
    {
        // Jiangsu's 财政拨款收支预算总表: its title and its one-row header (收入 | 支出) end one page, its rows fill the
        // next. The header's column borders are a row high; without them the header is no table, and the rows on the
        // next page, with no title over them, are an unnamed table.
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var pdf = Corpus.Path("dev", "js-gy-2018-dept-budget.pdf");
        using var copy = ScanMaker.ScanToFile(pdf, [10, 11]);
        var scanned = new ReportExtractor(new ExtractionSettings { Ocr = OcrEngine.PpOcr, PerDocumentTimeout = Slack }).Extract(copy.Path);
        var table = Assert.Single(scanned.Tables, t => t.Id == "budget.t04_fiscal_summary");
        Assert.Equal(1, table.PageStart);
        Assert.Contains(table.Rows, r => r.Label == "收入合计" && r.Values.Values.Contains(33172.15m));
        Assert.DoesNotContain(scanned.Tables, t => t.Id.EndsWith(".x_table"));
    }

    [Fact]
    public void ATitleWithAGlyphMisreadOnACoarseScanStillNamesItsTable()
    {
        // Shanghai's 部门收入预算总表 at 96 dpi: PP-OCR reads 收入 as 收人, a title no table has; the table and its
        // total are still the budget's t02 and income.total.
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var pdf = Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf");
        using var copy = ScanMaker.ScanToFile(pdf, [11], dpi: 96);
        var scanned = new ReportExtractor(new ExtractionSettings { Ocr = OcrEngine.PpOcr, PerDocumentTimeout = Slack }).Extract(copy.Path);
        var table = Assert.Single(scanned.Tables, t => t.Id == "budget.t02_revenue");
        Assert.Contains("预算总表", table.Title);
        var expected = Labels.Load("sh-putuo-sifaju-2026-budget").GetProperty("facts").GetProperty("income.total").GetDecimal();
        Assert.Equal(expected, Assert.Single(scanned.Facts, f => f.Key == "income.total").Value);
    }
}

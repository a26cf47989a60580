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
}

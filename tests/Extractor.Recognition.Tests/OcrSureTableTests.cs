using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Checks;

namespace Extractor.Recognition.Tests;

/// <summary>
/// A scanned table's own sum that fails stands as the document's error only when every figure of the table was read
/// surely by an engine whose confidence means something, and no printed figure of its region was left out of its rows.
/// </summary>
public class OcrSureTableTests
{
    private const string Id = "perf.x_project_expenditure";
    private static readonly double[] TotalBox = [86, 173, 399, 202];
    private static readonly double[] FirstBox = [86, 203, 399, 232];
    private static readonly double[] SecondBox = [86, 233, 399, 262];
    private static readonly OcrConfidenceOptions Options = new() { PpOcrMinFindingConfidence = 0.9, TesseractMinFindingConfidence = null };

    private static TextWord Word(string text, double[] row, double confidence) =>
        new(text, new Box(300, row[1] + 5, 340, row[3] - 5), 10.5, "ocr", false) { Confidence = confidence };

    private static DocumentContent Page(string readBy, params TextWord[] words) =>
        new("x", "x.pdf", "application/pdf", [new PageContent(7, 595, 842, words, [], []) { TextConfidence = 0.9, ReadBy = readBy }], [], new Dictionary<string, string>());

    private static TextWord[] Figures(double least) =>
        [Word("合计", TotalBox, 0.6), Word("13,237.00", TotalBox, 0.99), Word("10,000.00", FirstBox, least), Word("3,027.00", SecondBox, 0.98)];

    // 预算批复 adds up over the two items; 预算到位 does not (13,027 printed as 13,237: the Changsha evaluation's misprint).
    private static ReportRow Row(string label, decimal approved, decimal value, double[] box) => new()
    {
        Label = label, Values = { ["预算批复"] = approved, ["预算到位"] = value }, Provenance = new Provenance { Kind = "table", Table = Id, Page = 7, Bbox = box },
    };

    private static readonly ReportTable Table = new()
    {
        Id = Id, PageStart = 7, PageEnd = 7, Regions = [new TableRegion(7, [80, 150, 420, 300])],
        Rows = [Row("合计", 13237m, 13237m, TotalBox), Row("弥补破产改制企业资金缺口", 10000m, 10000m, FirstBox), Row("困难企业、职工帮扶资金", 3237m, 3027m, SecondBox)],
    };

    private static readonly Check Sum = new()
    {
        Rule = Id + ".total_equals_sum_of_items", Status = CheckStatus.Fail, Expected = 13027m, Actual = 13237m,
        Evidence = [new Provenance { Kind = "table", Table = Id, Page = 7, Bbox = TotalBox }],
    };

    private static Fact Total => new()
    {
        Key = "perf.funds_available", Value = 13237m,
        Provenance = new Provenance { Kind = "table", Table = Id, Page = 7, Bbox = [300, 178, 340, 197], Printed = "13,237.00" },
    };

    [Fact]
    public void A_failed_sum_whose_every_figure_ppocr_read_surely_stays_a_failure_with_its_figures()
    {
        var document = Page(OcrReaders.PpOcr, Figures(0.97));
        var check = OcrCheckGuard.Soften(document, [Table], [Sum], Options).Single();
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.Equal((13027m, 13237m), (check.Expected, check.Actual));
        Assert.StartsWith("read by OCR, every figure of the table surely (least sure figure 0.970", check.Message);
        Assert.Single(OcrFactGuard.Keep(document, [Table], [Total], [Sum], [], Options));
    }

    [Fact]
    public void One_figure_read_less_surely_makes_the_failure_a_probable_misreading()
    {
        var document = Page(OcrReaders.PpOcr, Figures(0.85));
        var check = OcrCheckGuard.Soften(document, [Table], [Sum], Options).Single();
        Assert.Equal(CheckStatus.InsufficientData, check.Status);
        Assert.StartsWith(OcrCheckGuard.Reason + "least sure figure 0.850 (ppocr)", check.Message);
        Assert.Empty(OcrFactGuard.Keep(document, [Table], [Total], [Sum], [], Options));
    }

    [Fact]
    public void A_figure_printed_in_the_table_but_in_none_of_its_rows_means_a_lost_row()
    {
        var lost = Word("210.00", [86, 263, 399, 292], 0.99);
        var check = OcrCheckGuard.Soften(Page(OcrReaders.PpOcr, [.. Figures(0.97), lost]), [Table], [Sum], Options).Single();
        Assert.Equal(CheckStatus.InsufficientData, check.Status);
    }

    [Fact]
    public void A_sum_failing_in_every_column_is_the_tables_rows_misread()
    {
        // An ordinal lost on the scan leaves an item out of the top items: every column's sum fails at once.
        var approved = new Check { Rule = Sum.Rule, Status = CheckStatus.Fail, Expected = 10000m, Actual = 13237m, Evidence = Sum.Evidence };
        var checks = OcrCheckGuard.Soften(Page(OcrReaders.PpOcr, Figures(0.99)), [Table], [Sum, approved], Options);
        Assert.All(checks, c => Assert.Equal(CheckStatus.InsufficientData, c.Status));
        // A table printing one column cannot confirm its rows either.
        var single = new ReportTable { Id = Id, PageStart = 7, PageEnd = 7, Rows = [.. Table.Rows.Select(r => new ReportRow { Label = r.Label, Values = { ["预算到位"] = r.Values["预算到位"] }, Provenance = r.Provenance })] };
        Assert.Equal(CheckStatus.InsufficientData, OcrCheckGuard.Soften(Page(OcrReaders.PpOcr, Figures(0.99)), [single], [Sum], Options).Single().Status);
    }

    [Fact]
    public void Text_against_a_scanned_table_fails_only_when_ppocr_read_its_figures_surely()
    {
        // PP-OCR read the table's 2.50 as 2.90 (0.83): the text's true 2.50 seems to contradict it.
        static Check Reception() => new()
        {
            Rule = "text_vs_table.three_public.reception", Status = CheckStatus.Fail, Expected = 2.9m, Actual = 2.5m,
            Evidence = [new Provenance { Kind = "table", Table = "budget.t09_three_public_operating", Page = 7, Bbox = FirstBox }, new Provenance { Kind = "text", Page = 7, Bbox = SecondBox }],
        };
        TextWord[] Words(double table) => [Word("2.90", FirstBox, table), Word("2.50", SecondBox, 0.99)];
        Assert.Equal(CheckStatus.InsufficientData, OcrCheckGuard.Soften(Page(OcrReaders.PpOcr, Words(0.83)), [], [Reception()], Options).Single().Status);
        Assert.Equal(CheckStatus.Fail, OcrCheckGuard.Soften(Page(OcrReaders.PpOcr, Words(0.97)), [], [Reception()], Options).Single().Status);
        Assert.Equal(CheckStatus.Fail, OcrCheckGuard.Soften(Page(OcrReaders.Tesseract, Words(0.5)), [], [Reception()], Options).Single().Status);
    }

    [Fact]
    public void Tesseract_figures_never_make_a_finding_however_sure_it_says_it_is()
    {
        var check = OcrCheckGuard.Soften(Page(OcrReaders.Tesseract, Figures(0.99)), [Table], [Sum], Options).Single();
        Assert.Equal(CheckStatus.InsufficientData, check.Status);
        Assert.Null(new OcrConfidenceOptions().TesseractMinFindingConfidence);
    }
}

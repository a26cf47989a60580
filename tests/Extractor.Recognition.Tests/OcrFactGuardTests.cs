using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Checks;

namespace Extractor.Recognition.Tests;

public class OcrFactGuardTests
{
    private static readonly double[] PersonnelBox = [62.76, 136.56, 314.76, 150.96];

    private static DocumentContent Document(double confidence) =>
        new("x", "x.pdf", "application/pdf", [new PageContent(16, 595, 842, [], [], []) { TextConfidence = confidence }], [], new Dictionary<string, string>());

    private static Fact Personnel(decimal value) => new()
    {
        Key = "basic.personnel", Value = value,
        Provenance = new Provenance { Kind = "table", Table = "final.t06_general_budget_basic_expenditure", Page = 16, Bbox = PersonnelBox, Printed = value.ToString() },
    };

    private static readonly Check Failed = new()
    {
        Rule = "t06.personnel_plus_public_equals_t05_basic", Status = CheckStatus.Fail, Expected = 5464.75m, Actual = 5364.75m,
        Evidence = [new Provenance { Kind = "table", Table = "final.t06_general_budget_basic_expenditure", Page = 16, Bbox = PersonnelBox }],
    };

    [Fact]
    public void An_ocr_figure_whose_cell_fails_a_check_is_withheld_with_a_warning()
    {
        var warnings = new List<string>();
        var kept = OcrFactGuard.Keep(Document(0.88), [], [Personnel(4984.09m)], [Failed], warnings);
        Assert.Empty(kept);
        Assert.Contains("basic.personnel 4984.09", Assert.Single(warnings));
    }

    [Fact]
    public void A_text_layer_figure_or_one_printed_again_elsewhere_is_kept()
    {
        Assert.Single(OcrFactGuard.Keep(Document(1.0), [], [Personnel(4984.09m)], [Failed], []));
        var t05 = new ReportTable
        {
            Id = "final.t05_general_budget_expenditure", PageStart = 15, PageEnd = 15,
            Rows = [new ReportRow { Label = "合计", Values = { ["基本支出"] = 4984.09m }, Provenance = new Provenance { Page = 15, Bbox = [1, 2, 3, 4] } }],
        };
        Assert.Single(OcrFactGuard.Keep(Document(0.88), [t05], [Personnel(4984.09m)], [Failed], []));
    }
}

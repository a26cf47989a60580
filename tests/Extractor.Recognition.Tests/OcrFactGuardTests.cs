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

    [Fact]
    public void An_ocr_table_that_does_not_add_up_is_insufficient_data_but_text_against_table_still_fails()
    {
        // ghzy scan: t06 人员经费 + 公用经费 read as 5364.75 against t05's 5464.75 (4 read as 3).
        var text = new Check
        {
            Rule = "text_vs_table.basic.personnel", Status = CheckStatus.Fail, Expected = 4884.09m, Actual = 4896.98m,
            Evidence = [Failed.Evidence[0], new Provenance { Kind = "text", Page = 16, Bbox = [1, 2, 3, 4], Printed = "4896.98" }],
        };
        var softened = OcrCheckGuard.Soften(Document(0.88), [], [Failed, text]);
        Assert.Equal(CheckStatus.InsufficientData, softened[0].Status);
        Assert.Equal((5464.75m, 5364.75m), (softened[0].Expected, softened[0].Actual));
        Assert.StartsWith("read by OCR", softened[0].Message);
        Assert.Same(text, softened[1]);
        // On a text layer a table's own sum that fails is the document's finding.
        Assert.Same(Failed, OcrCheckGuard.Soften(Document(1.0), [], [Failed]).Single());
    }
}

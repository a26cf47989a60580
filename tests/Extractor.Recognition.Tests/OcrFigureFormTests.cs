using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Checks;

namespace Extractor.Recognition.Tests;

/// <summary>A figure read by OCR finer than a cent in its unit is a misread point, withheld; a text layer's is kept.</summary>
public class OcrFigureFormTests
{
    private static DocumentContent Document(double confidence) =>
        new("x", "x.pdf", "application/pdf", [new PageContent(18, 842, 595, [], [], []) { TextConfidence = confidence, ReadBy = confidence < 1 ? OcrReaders.PpOcr : null }], [], new Dictionary<string, string>());

    private static Fact Figure(string key, decimal value, string printed, string unit) => new()
    {
        Key = key, Value = value,
        Provenance = new Provenance { Kind = "table", Table = "budget.t08_general_budget_basic_economic", Page = 18, Bbox = [738, 80, 780, 92], Printed = printed, PrintedUnit = unit },
    };

    [Fact]
    public void A_yuan_figure_with_six_decimals_read_by_ocr_is_withheld_and_cents_or_wan_figures_are_kept()
    {
        // 15474000 元 read as 15.474000 (a speck taken for the point) would be 0.0015 万元 for 1,547.4.
        Fact[] facts = [Figure("basic.public", 0.0015474m, "15.474000", "元"), Figure("basic.personnel", 10220.6m, "102206000", "元"),
            Figure("basic.total", 4952.850016m, "4952.850016", "万元"), Figure("three_public.total", 10.81m, "10.81万元,比2025年预算持平", "万元")];
        var warnings = new List<string>();
        var kept = OcrFigureForm.Keep(Document(0.9), facts, warnings);
        Assert.Equal(["basic.personnel", "basic.total", "three_public.total"], kept.Select(f => f.Key));
        Assert.Contains("basic.public 15.474000", Assert.Single(warnings));
        Assert.Equal(4, OcrFigureForm.Keep(Document(1.0), facts, []).Count);
    }
}

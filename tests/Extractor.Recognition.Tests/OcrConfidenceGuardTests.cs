using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Checks;

namespace Extractor.Recognition.Tests;

/// <summary>A figure read by OCR is withheld when the characters it was read from are below the threshold, kept (with its confidence) otherwise.</summary>
public class OcrConfidenceGuardTests
{
    private static readonly double[] PersonnelBox = [262.0, 136.0, 314.0, 150.0];
    private static readonly double[] PublicBox = [262.0, 116.0, 314.0, 130.0];

    private static DocumentContent Document(double pageConfidence, double personnel, double publicFunds, string? readBy = "ppocr") =>
        new("x", "x.pdf", "application/pdf",
        [
            new PageContent(16, 595, 842,
            [
                new TextWord("人员经费", new Box(62, 137, 110, 149), 10.5, "ocr", false) { Confidence = 0.41 },
                new TextWord("4984.09", new Box(263, 137, 313, 149), 10.5, "ocr", false) { Confidence = personnel },
                new TextWord("480.66", new Box(268, 117, 313, 129), 10.5, "ocr", false) { Confidence = publicFunds },
            ], [], []) { TextConfidence = pageConfidence, ReadBy = pageConfidence < 1 ? readBy : null },
        ], [], new Dictionary<string, string>());

    private static Fact Figure(string key, decimal value, double[] box) => new()
    {
        Key = key, Value = value,
        Provenance = new Provenance { Kind = "table", Table = "final.t06_general_budget_basic_expenditure", Page = 16, Bbox = box, Printed = value.ToString() },
    };

    private static readonly Fact[] Facts = [Figure("basic.personnel", 4984.09m, PersonnelBox), Figure("basic.public", 480.66m, PublicBox)];

    [Fact]
    public void A_figure_read_below_the_threshold_is_withheld_with_a_warning_and_the_rest_keep_their_confidence()
    {
        var warnings = new List<string>();
        var kept = OcrConfidenceGuard.Keep(Document(0.9, personnel: 0.62, publicFunds: 0.99), Facts, warnings, new OcrConfidenceOptions { PpOcrMinFigureConfidence = 0.8 });
        var only = Assert.Single(kept);
        Assert.Equal("basic.public", only.Key);
        Assert.Equal(0.99, only.Provenance.Confidence);
        // The label's low confidence beside the figure is not the figure's: only words holding digits count.
        var warning = Assert.Single(warnings);
        Assert.Contains("basic.personnel 4984.09", warning);
        Assert.Contains("0.620", warning);
    }

    [Fact]
    public void At_the_threshold_a_figure_is_kept_and_a_threshold_of_zero_withholds_nothing()
    {
        Assert.Equal(2, OcrConfidenceGuard.Keep(Document(0.9, 0.8, 0.99), Facts, [], new OcrConfidenceOptions { PpOcrMinFigureConfidence = 0.8 }).Count);
        Assert.Equal(2, OcrConfidenceGuard.Keep(Document(0.9, 0.01, 0.01), Facts, [], new OcrConfidenceOptions { PpOcrMinFigureConfidence = 0 }).Count);
    }

    [Fact]
    public void A_text_layer_figure_is_never_withheld_nor_given_a_confidence()
    {
        var kept = OcrConfidenceGuard.Keep(Document(1.0, 0.1, 0.1), Facts, [], new OcrConfidenceOptions { PpOcrMinFigureConfidence = 0.99, TesseractMinFigureConfidence = 0.99 });
        Assert.Equal(2, kept.Count);
        Assert.All(kept, f => Assert.Null(f.Provenance.Confidence));
    }

    [Fact]
    public void Each_engine_has_its_own_threshold_and_the_defaults_are_the_calibrated_ones()
    {
        var options = new OcrConfidenceOptions();
        Assert.Equal((OcrConfidenceOptions.CalibratedPpOcr, OcrConfidenceOptions.CalibratedTesseract), (options.For("ppocr"), options.For("tesseract")));
        // By default a PP-OCR digit below 0.5 is withheld; Tesseract's confidence withholds nothing (it does not separate).
        Assert.Single(OcrConfidenceGuard.Keep(Document(0.9, 0.4, 0.99, "ppocr"), Facts, []));
        Assert.Equal(2, OcrConfidenceGuard.Keep(Document(0.9, 0.01, 0.01, "tesseract"), Facts, []).Count);
        // Tesseract's 0.85 for a figure is below its threshold; the same figure at 0.85 from PP-OCR is kept.
        var warnings = new List<string>();
        Assert.Single(OcrConfidenceGuard.Keep(Document(0.9, 0.85, 0.99, "tesseract"), Facts, warnings, new OcrConfidenceOptions { TesseractMinFigureConfidence = 0.9, PpOcrMinFigureConfidence = 0.5 }));
        Assert.Contains("(tesseract)", Assert.Single(warnings));
        Assert.Equal(2, OcrConfidenceGuard.Keep(Document(0.9, 0.85, 0.99, "ppocr"), Facts, [], new OcrConfidenceOptions { TesseractMinFigureConfidence = 0.9, PpOcrMinFigureConfidence = 0.5 }).Count);
    }
}

using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A table read by OCR that does not add up is far more often misread (a digit, a lost row) than misprinted: on the
/// labelled reports' image-only copies, 12 of the 13 failed checks that were the reading's were a table's own sums.
/// Such a check is reported as insufficient_data, saying why and naming its least sure figure, so that a scan's
/// misreading is not published as the agency's error — unless the table confirms the rows it summed and every figure
/// of it was read surely (<see cref="OcrSureTable"/>): then it stays a failure, its message saying so. A check that sets the text against a table keeps its status: there the prose states its own
/// figure (a percentage, an amount), and a contradiction it makes is as often the document's (both such failures on
/// the labelled scans that are findings are of this kind) — unless one of the figures it sets against each other was
/// read by PP-OCR less surely than its finding threshold: on image-only copies of wild budgets at 96 dpi PP-OCR read a
/// 三公经费 table's 2.50 as 2.90 (0.83) and the text's true 2.50 then "contradicted" it. Tesseract's confidence does not
/// separate right from wrong, so its text-against-table failures keep their status. Checks on a text layer are untouched.
/// Runs after <see cref="OcrFactGuard"/>, which withholds the figures these failures implicate.
/// </summary>
public static class OcrCheckGuard
{
    public const string Reason = "read by OCR and does not reconcile; a misreading is likelier than a misprint (check the page image): ";

    public static List<Check> Soften(DocumentContent document, IReadOnlyList<ReportTable> tables, IReadOnlyList<Check> checks, OcrConfidenceOptions? options = null)
    {
        options ??= new OcrConfidenceOptions();
        var ocrPages = OcrFactGuard.OcrPages(document);
        return checks.Select(c =>
        {
            if (!(c.Status == CheckStatus.Fail && c.Evidence.Any(e => ocrPages.ContainsKey(e.Page)))) return c;
            if (!c.Evidence.All(e => e.Table is not null))
                return UnsureFigure(ocrPages, c, options) is { } unsure ? With(c, CheckStatus.InsufficientData, Reason + unsure + c.Message) : c;
            var reading = OcrSureTable.Of(ocrPages, tables, checks, c, options);
            var least = reading.Least is { } l ? $"least sure figure {l:0.000} ({reading.Engine}); " : "";
            return reading.Sure
                ? With(c, CheckStatus.Fail, $"read by OCR, every figure of the table surely ({least.TrimEnd(' ', ';')}): " + c.Message)
                : With(c, CheckStatus.InsufficientData, Reason + least + c.Message);
        }).ToList();
    }

    /// <summary>"a figure read at …; " when a figure of the check's evidence on a page read by an engine with a finding
    /// threshold was read below it; null when every such figure is sure or the engine's confidence is not used.</summary>
    private static string? UnsureFigure(Dictionary<int, PageContent> pages, Check c, OcrConfidenceOptions options)
    {
        foreach (var e in c.Evidence)
        {
            if (!pages.TryGetValue(e.Page, out var page) || options.FindingFor(page.ReadBy) is not { } threshold) continue;
            if (OcrConfidenceGuard.FigureConfidence(page, e.Bbox) is { } confidence && confidence < threshold)
                return $"a figure read at {confidence:0.000} ({page.ReadBy}); ";
        }
        return null;
    }

    private static Check With(Check c, string status, string message) => new()
    {
        Rule = c.Rule, Status = status, Expected = c.Expected, Actual = c.Actual,
        Tolerance = c.Tolerance, Message = message, Evidence = c.Evidence,
    };
}

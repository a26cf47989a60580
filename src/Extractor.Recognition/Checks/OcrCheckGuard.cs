using Extractor.Core.Layout;
using Extractor.Core.Report;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A table read by OCR that does not add up is far more often misread (a digit, a lost row) than misprinted: on the
/// labelled reports' image-only copies, 12 of the 13 failed checks that were the reading's were a table's own sums.
/// Such a check is reported as insufficient_data, saying why, so that a scan's misreading is not published as the
/// agency's error. A check that sets the text against a table keeps its status: there the prose states its own
/// figure (a percentage, an amount), and a contradiction it makes is as often the document's (both such failures on
/// the labelled scans that are findings are of this kind). Checks on a text layer are untouched.
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
            if (!(c.Status == CheckStatus.Fail && c.Evidence.Count > 0 && c.Evidence.All(e => e.Table is not null)
                    && c.Evidence.Any(e => ocrPages.Contains(e.Page))))
                return c;
            var reading = OcrSureTable.Of(document, tables, checks, c, options);
            var least = reading.Least is { } l ? $"least sure figure {l:0.000} ({reading.Engine}); " : "";
            return reading.Sure
                ? With(c, CheckStatus.Fail, $"read by OCR, every figure of the table surely ({least.TrimEnd(' ', ';')}): " + c.Message)
                : With(c, CheckStatus.InsufficientData, Reason + least + c.Message);
        }).ToList();
    }

    private static Check With(Check c, string status, string message) => new()
    {
        Rule = c.Rule, Status = status, Expected = c.Expected, Actual = c.Actual,
        Tolerance = c.Tolerance, Message = message, Evidence = c.Evidence,
    };
}

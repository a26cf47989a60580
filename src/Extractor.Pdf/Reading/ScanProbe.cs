using UglyToad.PdfPig;

namespace Extractor.Pdf.Reading;

/// <summary>
/// Tells, before a document is read, whether it will need OCR: a few pages spread over the document (first, last and
/// between) are opened, and any that looks scanned (the reader's own test: no text layer to speak of, a page-sized
/// image) makes it a scan. Cheap next to OCR; used to send scans to a queue of their own.
/// </summary>
public static class ScanProbe
{
    /// <summary>True when a sampled page looks scanned; false for text PDFs and anything that is not a readable PDF
    /// (the reader will say why when the document is extracted).</summary>
    public static bool NeedsOcr(string path, int samples = 5)
    {
        try
        {
            if (!PdfSniffer.EnsurePdf(path)) return false;
            using var doc = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, Password = string.Empty });
            var n = doc.NumberOfPages;
            var pages = Enumerable.Range(0, Math.Min(samples, n))
                .Select(i => samples <= 1 || n <= samples ? i + 1 : 1 + (int)Math.Round(i * (n - 1.0) / (samples - 1)))
                .Distinct();
            return pages.Any(p =>
            {
                var page = doc.GetPage(p);
                return PdfDocumentReader.LooksScanned(page, page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value)));
            });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}

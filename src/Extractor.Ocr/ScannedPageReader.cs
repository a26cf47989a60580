using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Replaces the pages a PDF reader flagged as scans by their OCR reading; other pages stay as read. <paramref name="only"/>
/// limits the OCR to the pages a command asked for (`text --pages 3`), since each scanned page costs seconds.
/// </summary>
public static class ScannedPageReader
{
    public static DocumentContent Apply(DocumentContent content, string pdfPath, TimeSpan perPageLimit, CancellationToken cancellation, Func<int, bool>? only = null)
    {
        bool Wanted(PageContent p) => p.LooksScanned && (only is null || only(p.Number));
        if (!content.Pages.Any(Wanted) || !TesseractPageOcr.Available) return content;
        var ocr = new TesseractPageOcr(cache: OcrCache.FromEnvironment());
        var pages = content.Pages
            .Select(p => Wanted(p) ? ocr.Recognize(pdfPath, p, perPageLimit, cancellation) : p)
            .ToList();
        return content with { Pages = pages };
    }
}

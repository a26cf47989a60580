using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>Replaces the pages a PDF reader flagged as scans by their OCR reading; other pages stay as read.</summary>
public static class ScannedPageReader
{
    public static DocumentContent Apply(DocumentContent content, string pdfPath, TimeSpan perPageLimit, CancellationToken cancellation)
    {
        if (!content.Pages.Any(p => p.LooksScanned) || !TesseractPageOcr.Available) return content;
        var ocr = new TesseractPageOcr(cache: OcrCache.FromEnvironment());
        var pages = content.Pages
            .Select(p => p.LooksScanned ? ocr.Recognize(pdfPath, p, perPageLimit, cancellation) : p)
            .ToList();
        return content with { Pages = pages };
    }
}

using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Ocr;
using Extractor.Ocr.PpOcr;

namespace Extractor.Pipeline;

/// <summary>
/// The decision the pipeline makes where it asks for OCR, whatever engine reads the pages: when scanned pages need
/// reading and the engine cannot run here (its tools or models missing), a document made of scans fails at once as
/// <c>ocr_unavailable</c> with what to install (instead of an empty report stored as ok, or a wait until the time
/// limit), and a document with a few scanned pages among text pages is read as far as it can be and marked partial,
/// naming the pages left unread.
/// </summary>
public static class OcrAvailability
{
    public const string Reason = "ocr_unavailable";

    /// <summary>What to install for an engine.</summary>
    public static string InstallHint(OcrEngine engine) => engine == OcrEngine.Tesseract
        ? "install the OCR tools: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils"
        : "install the page renderer: apt-get install poppler-utils (the PP-OCR models come with the build; or --ocr tesseract with tesseract-ocr tesseract-ocr-chi-sim)";

    /// <summary>What the engine lacks here (tools looked up on <paramref name="toolPath"/>, ':'-separated; null: PATH), or null when it can run.</summary>
    public static string? Missing(OcrEngine engine, string? toolPath)
    {
        if (!ExternalTool.Exists("pdftoppm", toolPath)) return "pdftoppm (poppler-utils) is not installed";
        if (engine == OcrEngine.Tesseract && !ExternalTool.Exists("tesseract", toolPath)) return "tesseract is not installed";
        if (engine == OcrEngine.PpOcr && PpOcrModels.In(PpOcrModels.DefaultDirectory).Missing is { } file) return $"the PP-OCR model file {file} is missing";
        return null;
    }

    /// <summary>The document as it stands when no OCR can run on its <paramref name="scanned"/> pages.</summary>
    /// <exception cref="ExtractionException">ocr_unavailable: no page but the scanned ones holds any text</exception>
    public static DocumentContent WithoutOcr(DocumentContent content, IReadOnlyList<int> scanned, OcrEngine engine, string missing)
    {
        var textPages = content.Pages.Count(p => !scanned.Contains(p.Number) && p.Lines.Count > 0);
        var why = $"{missing}; {InstallHint(engine)}";
        if (textPages == 0)
            throw new ExtractionException(Reason, $"{Pages(scanned.Count)} of {content.Pages.Count} are scanned images and cannot be read: {why}");
        var failure = new StageFailure("ocr", $"{Pages(scanned.Count)} ({string.Join(", ", scanned)}) are scanned images, not read: {why}")
        {
            Code = Reason,
        };
        return content with { Unread = [.. content.Unread, failure] };
    }

    private static string Pages(int n) => n == 1 ? "1 page" : $"{n} pages";
}

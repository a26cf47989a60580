using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Reads one scanned PDF page: its words with their boxes (through the same line builder as a text layer), the
/// rulings found in the image, and TextConfidence below 1, which marks the page as read from an image.
/// </summary>
public interface IPageOcr
{
    /// <param name="progress">told after each step within the page that an engine can name (PP-OCR: the rendering, each text
    /// detection, the angle classification, each batch of recognised lines), so a deadline that restarts on progress does
    /// not stop a page that is slow but moving; an engine that cannot (Tesseract, one tool run) says nothing, and the
    /// page's end is progress anyway (<see cref="ScannedPageReader"/>)</param>
    PageContent Recognize(string pdfPath, PageContent page, TimeSpan limit, CancellationToken cancellation, Action? progress = null);
}

/// <summary>The OCR engines a scan can be read with (`--ocr tesseract|ppocr`).</summary>
public enum OcrEngine
{
    /// <summary>PaddleOCR's PP-OCRv4 models run by ONNX Runtime (<see cref="PpOcrPageReader"/>).</summary>
    PpOcr,
    /// <summary>Tesseract chi_sim+eng with its second looks at cells and lines (<see cref="TesseractPageOcr"/>).</summary>
    Tesseract,
}

public static class OcrEngines
{
    /// <summary>The engine scans are read with unless told otherwise (chosen by scripts/bench-ocr; see README).</summary>
    public const OcrEngine Default = OcrEngine.PpOcr;

    public static OcrEngine Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => Default,
        "ppocr" or "pp-ocr" or "paddle" => OcrEngine.PpOcr,
        "tesseract" => OcrEngine.Tesseract,
        _ => throw new ArgumentException($"unknown OCR engine '{name}' (tesseract or ppocr)"),
    };

    public static string Name(OcrEngine engine) => engine == OcrEngine.PpOcr ? OcrReaders.PpOcr : OcrReaders.Tesseract;

    /// <summary>The page reader for an engine; throws, naming what is missing, when it cannot run here.</summary>
    public static IPageOcr Create(OcrEngine engine) => engine switch
    {
        OcrEngine.PpOcr => new PpOcrPageReader(cache: OcrCache.FromEnvironment()),
        _ => TesseractPageOcr.Available
            ? new TesseractPageOcr(cache: OcrCache.FromEnvironment())
            : throw new Core.Pipeline.ExtractionException("ocr_unavailable", "tesseract and pdftoppm must be installed (tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils)"),
    };
}

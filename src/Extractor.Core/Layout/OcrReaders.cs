namespace Extractor.Core.Layout;

/// <summary>The names an OCR engine gives its pages (<see cref="PageContent.ReadBy"/>), read by the later stages.</summary>
public static class OcrReaders
{
    public const string PpOcr = "ppocr";
    public const string Tesseract = "tesseract";

    /// <summary>The font name OCR engines give the words they read (a text layer's words carry the PDF's font).</summary>
    public const string FontName = "ocr";

    /// <summary>
    /// Even odds of PP-OCR's recogniser (a character's probability 0–1): below it the recogniser finds another reading
    /// more likely. The OCR reader leaves out a lone character read below it; the confidence guard's calibrated
    /// threshold for withholding a figure is the same (OcrConfidenceOptions.CalibratedPpOcr).
    /// </summary>
    public const double PpOcrEvenOdds = 0.5;
}

namespace Extractor.Core.Layout;

/// <summary>The names an OCR engine gives its pages (<see cref="PageContent.ReadBy"/>), read by the later stages.</summary>
public static class OcrReaders
{
    public const string PpOcr = "ppocr";
    public const string Tesseract = "tesseract";
}

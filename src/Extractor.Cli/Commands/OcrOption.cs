using System.CommandLine;
using Extractor.Ocr;

namespace Extractor.Cli.Commands;

/// <summary>`--ocr tesseract|ppocr`: the engine scanned pages are read with.</summary>
public static class OcrOption
{
    public static Option<string> Create() => new Option<string>("--ocr")
    {
        Description = $"OCR engine for scanned pages: ppocr (PP-OCRv4 models, bundled) or tesseract (needs tesseract-ocr-chi-sim); default {OcrEngines.Name(OcrEngines.Default)}",
        HelpName = "ENGINE",
        DefaultValueFactory = _ => OcrEngines.Name(OcrEngines.Default),
    }.AcceptOnlyFromAmong("ppocr", "tesseract");
}

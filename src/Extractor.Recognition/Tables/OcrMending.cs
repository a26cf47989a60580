using Extractor.Core.Layout;

namespace Extractor.Recognition.Tables;

/// <summary>
/// Whether a page's words get the OCR mends of Recognition — table text mended against the vocabulary
/// (<see cref="OcrTextRepair"/>) and an agency name half read as Latin noise rebuilt from its Chinese tail. They were
/// written for Tesseract's misreadings. PP-OCR reads those words right, and the vocabulary mending then changes right
/// words: on the six labelled reports' image-only copies it turned a correctly read 公务用车购置及运行维护费 header into
/// the vocabulary's 公务用车购置及运行费 (cells 259 → 261 of 261 without it; facts 98/98 and document fields 30/30 either
/// way; the real scans' facts unchanged), and the agency rebuild changed nothing. So they apply to pages read by
/// Tesseract or by an engine not named, never to a text layer or to PP-OCR's pages.
/// </summary>
public static class OcrMending
{
    public static bool Applies(PageContent page) => page.TextConfidence < 1 && page.ReadBy != OcrReaders.PpOcr;
}

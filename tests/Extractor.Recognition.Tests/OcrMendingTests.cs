using Extractor.Core.Layout;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

/// <summary>Recognition's OCR mends are Tesseract's: never a text layer's words, never PP-OCR's (which they made worse).</summary>
public sealed class OcrMendingTests
{
    private static PageContent Page(double confidence, string? readBy) =>
        new(1, 595, 842, [], [], []) { TextConfidence = confidence, ReadBy = readBy };

    [Fact]
    public void Tesseract_pages_and_pages_of_an_unnamed_engine_are_mended()
    {
        Assert.True(OcrMending.Applies(Page(0.8, OcrReaders.Tesseract)));
        Assert.True(OcrMending.Applies(Page(0.8, null)));
    }

    [Fact]
    public void Text_layers_and_PP_OCR_pages_are_not()
    {
        Assert.False(OcrMending.Applies(Page(1.0, null)));
        Assert.False(OcrMending.Applies(Page(0.97, OcrReaders.PpOcr)));
    }
}

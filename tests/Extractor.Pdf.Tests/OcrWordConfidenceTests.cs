using Extractor.Core.Layout;
using Extractor.Pdf.Text;

namespace Extractor.Pdf.Tests;

/// <summary>An OCR word carries the confidence of its figure: the least sure of its digits, not of the prose around them.</summary>
public class OcrWordConfidenceTests
{
    private static GlyphBox Char(string value, int i, double confidence) =>
        new(value, new Box(100 + 10 * i, 100, 110 + 10 * i, 112), 12, "ocr", false) { Confidence = confidence };

    [Fact]
    public void A_word_of_prose_and_figure_takes_its_least_sure_digit()
    {
        // 收入307.82: one word on a Chinese line (no gap), 收 read unsurely, the 8 less surely than the other digits.
        var glyphs = "收入307.82".Select((c, i) => Char(c.ToString(), i, c == '收' ? 0.3 : c == '8' ? 0.71 : 0.98)).ToList();
        var word = Assert.Single(LineBuilder.Build(glyphs).Words);
        Assert.Equal("收入307.82", word.Text);
        Assert.Equal(0.71, word.Confidence);
    }

    [Fact]
    public void A_word_without_a_figure_takes_its_least_sure_character_and_a_text_layer_is_sure()
    {
        var word = Assert.Single(LineBuilder.Build([Char("合", 0, 0.9), Char("计", 1, 0.55)]).Words);
        Assert.Equal(0.55, word.Confidence);
        var text = Assert.Single(LineBuilder.Build([new GlyphBox("1", new Box(0, 0, 5, 10), 10, "SimSun", false)]).Words);
        Assert.Equal(1, text.Confidence);
    }
}

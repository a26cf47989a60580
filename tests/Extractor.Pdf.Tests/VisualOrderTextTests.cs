using Extractor.Core.Layout;
using Extractor.Core.Text;
using Extractor.Pdf.Text;

namespace Extractor.Pdf.Tests;

/// <summary>Right-to-left text read glyph by glyph, left to right: ligature glyphs keep the visual order of the rest.</summary>
public class VisualOrderTextTests
{
    [Theory]
    [InlineData("\uFEFB", "\u0627\u0644")] // ﻻ lam-alef: alef, then lam, as they stand on the page
    [InlineData("\uFEF5", "\u0622\u0644")] // lam with alef-madda
    [InlineData("\uFEF8", "\u0623\u0644")] // lam with alef-hamza above, final form
    [InlineData("\uFEF9", "\u0625\u0644")] // lam with alef-hamza below
    [InlineData("\u0644\u0627", "\u0627\u0644")] // one glyph mapped by ToUnicode to two letters, logical order
    [InlineData("\uFDF2", "\u0647\u0644\u0644\u0627")] // ﷲ
    [InlineData("\uFEE3", "\uFEE3")] // a single letter is left as it is (NFKC comes later)
    [InlineData("\u064B", "\u064B")] // a lone mark
    [InlineData("fi", "fi")] // Latin ligature text stays as it is
    [InlineData("预算", "预算")]
    public void LigatureGlyphComesInVisualOrder(string glyph, string visual) =>
        Assert.Equal(visual, TextNormalizer.GlyphInVisualOrder(glyph));

    [Fact]
    public void WordWithLamAlefReadsBackAsWritten()
    {
        // ولاية set as presentation forms, placed left to right as a PDF draws it: ﺔ ﻳ ﻻ ﻭ.
        var glyphs = new[] { "\uFE94", "\uFEF3", "\uFEFB", "\uFEED" }
            .Select((g, i) => new GlyphBox(g, new Box(100 + 6 * i, 100, 106 + 6 * i, 110), 10, "Arabic", false))
            .ToList();
        var word = Assert.Single(LineBuilder.Build(glyphs).Words).Text;
        Assert.Equal("ولاية", new string(word.Reverse().ToArray()));
    }
}

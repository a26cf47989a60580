using Extractor.Core.Layout;
using Extractor.Ocr;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// The eraser on page images built here (300 dpi): a column border three pixels wide with a faint edge, as a scanned
/// hairline is drawn when the page is rendered again, and glyph strokes beside it.
/// </summary>
public class RulingEraserTests
{
    private const int Dpi = 300, Size = 300, Border = 150;

    [Fact]
    public void A_stroke_printed_against_a_border_keeps_its_ink_and_the_line_and_its_faint_edge_are_cleared()
    {
        var image = Page();
        // A 9's left stroke, touching the border's edge (x 153–155), rows 100–130.
        Stroke(image, 153, 155);
        var clean = Erase(image);
        StrokeKept(clean, 153, 155);
        // Nothing of the line or its edge is left above and below the stroke, nor beside it on the free side.
        for (var y = 0; y < Size; y++)
            for (var x = Border - 3; x <= Border + 1; x++)
                Assert.True(clean[x, y] == 255, $"line pixel ({x}, {y}) left at {clean[x, y]}");
    }

    [Fact]
    public void A_glyph_apart_from_the_border_is_untouched_and_a_border_alone_leaves_no_grey()
    {
        var image = Page();
        // A stroke with one pixel of paper between it and the line's faint edge.
        Stroke(image, 154, 156);
        var clean = Erase(image);
        StrokeKept(clean, 154, 156);
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
                if (x < 154 || x > 156 || y < 100 || y > 130)
                    Assert.True(clean[x, y] == 255, $"pixel ({x}, {y}) left at {clean[x, y]}");
    }

    /// <summary>White, with a vertical border down the middle: three dark pixels (149–151) and a faint pixel each side.</summary>
    private static byte[] Page()
    {
        var pixels = new byte[Size * Size];
        Array.Fill(pixels, (byte)255);
        for (var y = 0; y < Size; y++)
        {
            pixels[y * Size + Border - 2] = 240;
            for (var x = Border - 1; x <= Border + 1; x++) pixels[y * Size + x] = 200;
            pixels[y * Size + Border + 2] = 232;
        }
        return pixels;
    }

    /// <summary>A glyph's upright stroke, columns <paramref name="from"/>–<paramref name="to"/>, rows 100–130.</summary>
    private static void Stroke(byte[] pixels, int from, int to)
    {
        for (var y = 100; y <= 130; y++) for (var x = from; x <= to; x++) pixels[y * Size + x] = 20;
    }

    private static void StrokeKept(PageImage clean, int from, int to)
    {
        for (var y = 100; y <= 130; y++)
            for (var x = from; x <= to; x++)
                Assert.True(clean[x, y] == 20, $"the stroke's pixel ({x}, {y}) was painted");
    }

    private static PageImage Erase(byte[] pixels)
    {
        var image = new PageImage(Size, Size, pixels, Dpi);
        var height = image.ToPoints(Size);
        var x = image.ToPoints(Border + 0.5);
        return image.WithoutRulings([new Ruling(x, 0, x, height)], height);
    }
}

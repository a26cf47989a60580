using Extractor.Core.Layout;

namespace Extractor.Tables.Text;

/// <summary>
/// Some fonts report glyph boxes far wider than the glyphs advance (a font bbox instead of the glyph's),
/// so words overlap their neighbours and columns vanish. A word much wider than its letters could
/// possibly be is cut back to about their typical width, measured from its left edge, which stays reliable.
/// </summary>
public static class WordGeometry
{
    public static TextWord Sane(TextWord w)
    {
        var size = w.FontSize > 0 ? w.FontSize : w.Box.Height;
        var estimate = 0.0;
        foreach (var ch in w.Text) estimate += WordSlicer.Advance(ch);
        estimate *= size;
        return w.Box.Width > 1.3 * estimate + 1 ? w with { Box = w.Box with { Right = w.Box.Left + 1.1 * estimate } } : w;
    }

    public static List<TextWord> Sane(IEnumerable<TextWord> words) => words.Select(Sane).ToList();
}

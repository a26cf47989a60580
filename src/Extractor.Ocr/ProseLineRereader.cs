using Extractor.Core.Layout;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// A second look at prose lines the page reading garbled. With the English model beside the Chinese one, Tesseract
/// now and then reads a stretch of Chinese in the middle of a good line as Latin (服务采购金额 as MARIA &amp; MH) and
/// the facts on that line are lost. Report prose is Chinese with figures: Latin letters in it are nearly always such
/// a misreading. A line outside the ruled cells that holds both is cut out and read again as one line of Chinese
/// alone, and <see cref="NoiseSplice"/> takes the second reading only where the first holds Latin letters.
/// </summary>
public sealed class ProseLineRereader(Func<PageImage, string> readLine)
{
    private const int MaxLines = 20;      // a bad scan garbles every line: its run time must stay bounded
    private const int MinHan = 4;         // a line of Chinese, not a code or an English caption
    private const int MinLatin = 2;       // one stray letter (S for 5) is no garbled stretch
    private const double ColumnGap = 2.5; // line heights: a gap this wide parts table columns, not words

    public List<GlyphBox> Apply(PageImage clean, IReadOnlyList<Box> cells, List<GlyphBox> glyphs)
    {
        var result = glyphs.ToList();
        var pageHeight = clean.ToPoints(clean.Height);
        var reread = 0;
        foreach (var line in LineBuilder.Build(glyphs).Lines)
        {
            var members = Members(result, line);
            if (!Garbled(members) || InTable(members, line, cells)) continue;
            if (++reread > MaxLines) break;
            // The word boxes already reach the strokes' ends: more than a sliver above and below (a hint of the next
            // line) sends the single-line reading astray, while the sides take a margin freely.
            int padX = clean.ToPixels(line.Box.Height * 0.3), padY = Math.Max(2, clean.ToPixels(line.Box.Height * 0.05));
            int left = clean.ToPixels(line.Box.Left) - padX, top = clean.ToPixels(pageHeight - line.Box.Top) - padY;
            int width = clean.ToPixels(line.Box.Width) + 2 * padX, height = clean.ToPixels(line.Box.Height) + 2 * padY;
            var words = RegionReading.Read(clean, readLine, left, top, width, height, margin: padX);
            if (NoiseSplice.Mend(members, words) is not { } mended) continue;
            var at = result.IndexOf(members[0]);
            result.RemoveAll(members.Contains);
            result.InsertRange(at, mended);
        }
        return result;
    }

    /// <summary>The page's glyphs that make up a built line, left to right (a line's words are unions of its glyphs).</summary>
    private static List<GlyphBox> Members(List<GlyphBox> glyphs, TextLine line) =>
        glyphs.Where(g => line.Box.Contains(g.Box.CentreX, g.Box.CentreY)
                && line.Words.Any(w => w.Box.Contains(g.Box.Left, g.Box.Bottom, 0.01) && w.Box.Contains(g.Box.Right, g.Box.Top, 0.01)))
            .OrderBy(g => g.Box.Left).ToList();

    private static bool Garbled(List<GlyphBox> members) =>
        members.Sum(g => g.Value.Count(RegionReading.IsHan)) >= MinHan && RegionReading.LatinLetters(members) >= MinLatin;

    /// <summary>Table rows are the cell rereader's, and a row of columns is no line to be read in one go.</summary>
    private static bool InTable(List<GlyphBox> members, TextLine line, IReadOnlyList<Box> cells)
    {
        if (members.Any(g => cells.Any(c => c.Contains(g.Box.CentreX, g.Box.CentreY)))) return true;
        for (var i = 1; i < members.Count; i++)
            if (members[i].Box.Left - members[i - 1].Box.Right > ColumnGap * line.Box.Height) return true;
        return false;
    }
}

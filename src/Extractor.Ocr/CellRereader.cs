using Extractor.Core.Layout;
using Extractor.Core.Text;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// A second look at single table cells. Read as one page, Tesseract drops words centred in tall header
/// cells (合计, 基本支出 between two header lines) and reads others as Latin (RAMRIGS for 因公出国(境)费);
/// a cell cut out on its own and read as Chinese is mostly right. Cells with ink but no word, or whose
/// words hold Latin letters (and no figures), are re-read; the re-reading replaces the page's words there when it
/// holds Chinese and fewer Latin letters.
/// </summary>
public sealed class CellRereader(Func<PageImage, string> readCell)
{
    private const int MinInk = 60;     // dark pixels: less is a speck, not a word
    private const int MaxCells = 60;   // a page of empty cells (a blank form) is not worth one call each

    public List<GlyphBox> Apply(PageImage clean, IReadOnlyList<Box> cells, List<GlyphBox> glyphs)
    {
        var pageHeight = clean.ToPoints(clean.Height);
        var pad = Math.Max(3, clean.Dpi / 50);
        var result = glyphs.ToList();
        var reread = 0;
        foreach (var cell in cells.OrderByDescending(c => c.Top).ThenBy(c => c.Left))
        {
            var inside = result.Where(g => cell.Contains(g.Box.CentreX, g.Box.CentreY)).ToList();
            if (inside.Count > 0 && !HasLatin(inside)) continue;
            int left = clean.ToPixels(cell.Left) + pad, top = clean.ToPixels(pageHeight - cell.Top) + pad;
            int width = clean.ToPixels(cell.Width) - 2 * pad, height = clean.ToPixels(cell.Height) - 2 * pad;
            if (width <= 0 || height <= 0 || clean.Ink(left, top, width, height) < MinInk) continue;
            if (++reread > MaxCells) break;
            var words = RegionReading.Read(clean, readCell, left, top, width, height, margin: pad * 3);
            if (!words.Any(w => w.Value.Any(TextNormalizer.IsCjk) || w.Value.Any(char.IsAsciiDigit))) continue;
            if (inside.Count > 0 && (RegionReading.LatinLetters(words) >= RegionReading.LatinLetters(inside) || !words.Any(w => w.Value.Any(TextNormalizer.IsCjk)))) continue;
            result.RemoveAll(inside.Contains);
            result.AddRange(words);
        }
        return result;
    }

    /// <summary>Latin letters in a cell without figures: budget tables print Chinese names, so this is a misreading.</summary>
    private static bool HasLatin(IReadOnlyList<GlyphBox> words) =>
        RegionReading.LatinLetters(words) > 0 && !words.Any(w => w.Value.Any(char.IsAsciiDigit));
}

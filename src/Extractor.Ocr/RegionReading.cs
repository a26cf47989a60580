using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// A rectangle of the page image read on its own: cut out with a white frame, read, and its words placed back on
/// the page by the crop's offset. The second looks at cells (<see cref="CellRereader"/>) and prose lines
/// (<see cref="ProseLineRereader"/>) both go through here, so their words land where the page reading's would.
/// </summary>
internal static class RegionReading
{
    /// <summary>Pixel rectangle (top-left origin) of <paramref name="image"/>; the margin is the white frame around it.</summary>
    public static List<GlyphBox> Read(PageImage image, Func<PageImage, string> read, int left, int top, int width, int height, int margin)
    {
        // Clamped here, not only in Crop: the words are placed by this offset, which must be the one cut.
        int right = Math.Min(image.Width, left + width), bottom = Math.Min(image.Height, top + height);
        left = Math.Clamp(left, 0, image.Width);
        top = Math.Clamp(top, 0, image.Height);
        if (right <= left || bottom <= top) return [];
        var tsv = read(image.Crop(left, top, right - left, bottom - top, margin));
        return TesseractPageOcr.ParseTsv(tsv, image, left - margin, top - margin).Glyphs;
    }

    public static int LatinLetters(IEnumerable<GlyphBox> words) => words.Sum(w => LatinLetters(w.Value));

    public static int LatinLetters(string text) => text.Count(char.IsAsciiLetter);

    /// <summary>Han ideographs only: CJK punctuation alone does not make a reading Chinese.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}

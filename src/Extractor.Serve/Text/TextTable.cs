using System.Globalization;
using System.Text;

namespace Extractor.Serve.Text;

/// <summary>A plain aligned text table for terminals: columns padded by display width, where CJK ideographs,
/// kana, hangul and full-width forms take two cells (East Asian Wide/Fullwidth); ambiguous-width characters such as
/// “” count as one, as most terminals draw them. Numeric columns are right-aligned.</summary>
public sealed class TextTable(IReadOnlyList<string> header, IReadOnlyList<bool>? rightAligned = null)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => c ?? "").ToArray());

    public void Write(TextWriter w)
    {
        var widths = header.Select(Width).ToArray();
        foreach (var row in _rows)
            for (var i = 0; i < widths.Length && i < row.Length; i++) widths[i] = Math.Max(widths[i], Width(row[i]));
        WriteRow(w, header.ToArray(), widths, header: true);
        w.WriteLine(string.Join("  ", widths.Select(n => new string('─', n))).TrimEnd());
        foreach (var row in _rows) WriteRow(w, row, widths, header: false);
    }

    private void WriteRow(TextWriter w, string[] cells, int[] widths, bool header)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : "";
            var pad = new string(' ', widths[i] - Width(cell));
            if (i > 0) sb.Append("  ");
            var right = !header && rightAligned is not null && i < rightAligned.Count && rightAligned[i];
            sb.Append(right ? pad + cell : cell + pad);
        }
        w.WriteLine(sb.ToString().TrimEnd());
    }

    /// <summary>Terminal cells taken by <paramref name="text"/>.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var cat = Rune.GetUnicodeCategory(rune);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control) continue;
            width += IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F            // Hangul Jamo
            or >= 0x2E80 and <= 0x303E          // CJK radicals, Kangxi, ideographic punctuation (、。《》「」【】)
            or >= 0x3041 and <= 0x33FF          // kana, bopomofo, CJK compatibility
            or >= 0x3400 and <= 0x4DBF          // CJK extension A
            or >= 0x4E00 and <= 0x9FFF          // CJK unified ideographs
            or >= 0xA000 and <= 0xA4CF          // Yi
            or >= 0xAC00 and <= 0xD7A3          // Hangul syllables
            or >= 0xF900 and <= 0xFAFF          // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F          // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60          // full-width forms （）：，
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F        // emoji
            or >= 0x20000 and <= 0x3FFFD;       // CJK extensions B+
}

using System.Text;
using System.Text.RegularExpressions;
using Extractor.Core.Text;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// Mends a line the page reading garbled in places with a second reading of the same line, stretch by stretch. The
/// two readings are aligned character by character, and the second is taken only where the page reading has Latin
/// letters and the second has Chinese in their place. All else stays as the page read it, so where the Chinese-only
/// model is the weaker reader (it reads 0% as 09%6) it changes nothing. A taken stretch may drop digits (万元 read as
/// 770.) but brings none of its own, and every amount of the line must still be there afterwards.
/// </summary>
public static partial class NoiseSplice
{
    private const double SameLine = 0.6; // share of the line's Chinese and digits the second reading must also hold

    /// <summary>The line's glyphs, left to right, with the garbled stretches replaced; null when nothing is clearly better.</summary>
    public static List<GlyphBox>? Mend(IReadOnlyList<GlyphBox> line, IReadOnlyList<GlyphBox> reread)
    {
        var chars = new List<(char C, int Owner)>();
        for (var i = 0; i < line.Count; i++)
            foreach (var c in Compact(line[i].Value)) chars.Add((c, i));
        var a = chars.Select(x => x.C).ToArray();
        var b = string.Concat(reread.OrderBy(w => w.Box.Left).Select(w => Compact(w.Value))).ToCharArray();
        var pairs = Align(a, b);
        // A crop that caught the neighbouring line, or a reading that went astray, shares little with the page reading.
        var matched = pairs.Select(p => p.I).ToHashSet();
        var solid = Enumerable.Range(0, a.Length).Where(i => RegionReading.IsHan(a[i]) || char.IsAsciiDigit(a[i])).ToList();
        if (solid.Count == 0 || solid.Count(matched.Contains) < SameLine * solid.Count) return null;

        // Stretches between matched characters: the page's a[Start..End) stood where the second reading has b[From..To).
        var stretches = new List<(int Start, int End, int From, int To)>();
        int ai = 0, bi = 0;
        foreach (var (i, j) in pairs.Append((a.Length, b.Length)))
        {
            if (i > ai || j > bi) stretches.Add((ai, i, bi, j));
            (ai, bi) = (i + 1, j + 1);
        }
        var insert = new Dictionary<int, string>();
        var dropped = new bool[a.Length];
        var changed = new bool[line.Count];
        foreach (var (start, end, from, to) in stretches)
        {
            if (end == start || !Better(new string(a, start, end - start), new string(b, from, to - from))) continue;
            // A stretch against a figure is the unit or the words that make it a fact (其他收入5132441 Am → 万元):
            // taken only when both readings agree on that figure, else a misread one would become a fact.
            if (Digits(FigureBefore(a, start)) != Digits(FigureBefore(b, from)) || Digits(FigureAfter(a, end)) != Digits(FigureAfter(b, to))) continue;
            insert[start] = new string(b, from, to - from);
            for (var k = start; k < end; k++) (dropped[k], changed[chars[k].Owner]) = (true, true);
        }
        if (insert.Count == 0) return null;
        // What the second reading adds inside a word it mended is that word's too (因公出国(境)费 for AAKE()RRH, where
        // the page reading matched both parentheses but had nothing between them).
        foreach (var (start, _, from, to) in stretches.Where(s => s.End == s.Start && s.Start > 0 && s.Start < a.Length))
        {
            var text = new string(b, from, to - from);
            if (chars[start - 1].Owner == chars[start].Owner && changed[chars[start].Owner] && Digits(text).Length == 0
                && RegionReading.LatinLetters(text) == 0)
                insert[start] = text;
        }

        var partner = pairs.ToDictionary(p => p.I, p => p.J);
        var values = line.Select(_ => new StringBuilder()).ToArray();
        for (var k = 0; k < a.Length; k++)
        {
            var owner = chars[k].Owner;
            if (insert.TryGetValue(k, out var text)) values[owner].Append(text);
            // Inside a mended word a comma or full stop is the second reading's: 万元。其中 for AT. RF.
            if (!dropped[k]) values[owner].Append(changed[owner] && partner.TryGetValue(k, out var j) ? b[j] : a[k]);
        }
        var mended = new List<GlyphBox>();
        var lastChanged = false;
        for (var i = 0; i < line.Count; i++)
        {
            var value = values[i].ToString();
            if (!changed[i] || value.Length > 0) mended.Add(changed[i] ? line[i] with { Value = value } : line[i]);
            // A word the mend emptied leaves its room to the mended word before it: no gap (a space) opens there.
            else if (lastChanged) mended[^1] = mended[^1] with { Box = mended[^1].Box.Union(line[i].Box) };
            lastChanged = changed[i] && (value.Length > 0 || lastChanged);
        }
        return KeepsAmounts(line, mended) ? mended : null;
    }

    /// <summary>
    /// A stretch of the second reading replaces one of the page's when the page's has Latin letters where the second
    /// has Chinese and fewer letters, no figures of its own, and is not far longer (a reading that ran on).
    /// </summary>
    private static bool Better(string page, string second)
    {
        var letters = RegionReading.LatinLetters(page);
        if (letters == 0 || RegionReading.LatinLetters(second) >= letters || !second.Any(RegionReading.IsHan)) return false;
        // The page's own Chinese is never overwritten: where the two readings differ on it, neither is the safer.
        if (page.Any(RegionReading.IsHan)) return false;
        if (second.Length > 2 * page.Length + 2) return false;
        var digits = Digits(second);
        return digits.Length == 0 || digits == Digits(page);
    }

    /// <summary>
    /// Amounts (a decimal point) and figures written against Chinese (39个, 的0%) must all survive: a figure the
    /// page reading printed in the prose is what a fact reader takes. Digits among the Latin noise are no figure.
    /// </summary>
    private static bool KeepsAmounts(IReadOnlyList<GlyphBox> before, IReadOnlyList<GlyphBox> after)
    {
        var text = string.Join(' ', before.Select(g => g.Value));
        var remaining = Numbers().Matches(string.Join(' ', after.Select(g => g.Value)))
            .Select(m => Compact(m.Value)).ToList();
        foreach (Match m in Numbers().Matches(text))
        {
            var previous = text[..m.Index].TrimEnd();
            var next = text[(m.Index + m.Length)..].TrimStart();
            var kept = m.Value.Contains('.') || previous.Length > 0 && RegionReading.IsHan(previous[^1])
                || next.Length > 0 && RegionReading.IsHan(next[0]);
            if (kept && !remaining.Remove(Compact(m.Value))) return false;
        }
        return true;
    }

    /// <summary>Longest common subsequence of the two readings, as pairs of matched positions in increasing order.</summary>
    private static List<(int I, int J)> Align(char[] a, char[] b)
    {
        var n = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                n[i, j] = Same(a[i], b[j]) ? n[i + 1, j + 1] + 1 : Math.Max(n[i + 1, j], n[i, j + 1]);
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (Same(a[i], b[j])) { pairs.Add((i, j)); i++; j++; }
            else if (n[i + 1, j] >= n[i, j + 1]) i++;
            else j++;
        }
        return pairs;
    }

    /// <summary>The English model reads the Chinese comma and full stop as their Latin forms: still the same mark.</summary>
    private static bool Same(char x, char y) => x == y || Mark(x) == Mark(y) && Mark(x) != '\0';

    private static char Mark(char c) => c switch { ',' or '、' => ',', '.' or '。' => '.', _ => '\0' };

    private static string Compact(string value) => TextNormalizer.Compact(TextNormalizer.Normalize(value));

    /// <summary>The figure that ends right before a position ("" when a mark or a letter stands there: 40000人, 448).</summary>
    private static string FigureBefore(char[] text, int end)
    {
        var start = end;
        if (start == 0 || !char.IsAsciiDigit(text[start - 1])) return "";
        while (start > 0 && IsFigure(text[start - 1])) start--;
        return new string(text, start, end - start);
    }

    private static string FigureAfter(char[] text, int start)
    {
        var end = start;
        if (end == text.Length || !char.IsAsciiDigit(text[end])) return "";
        while (end < text.Length && IsFigure(text[end])) end++;
        return new string(text, start, end - start);
    }

    private static bool IsFigure(char c) => char.IsAsciiDigit(c) || c is '.' or ',';

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>A figure as OCR prints it: digits, with separators that may be followed by a stray space (1387. 72).</summary>
    [GeneratedRegex(@"\d+(?:[.,]\s?\d+)*")] private static partial Regex Numbers();
}

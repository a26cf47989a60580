using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Pdf.Text;

/// <summary>
/// Groups glyphs into words and lines purely by geometry, so that content-stream order (which may
/// interleave lines) never decides reading order. Lines run top to bottom; words left to right.
/// </summary>
public static class LineBuilder
{
    public static (IReadOnlyList<TextWord> Words, IReadOnlyList<TextLine> Lines) Build(IReadOnlyList<GlyphBox> glyphs)
    {
        if (glyphs.Count == 0) return ([], []);
        var rows = GroupIntoRows(glyphs);
        var words = new List<TextWord>();
        var lines = new List<TextLine>();
        foreach (var row in rows)
        {
            var rowWords = SplitWords(row);
            if (rowWords.Count == 0) continue;
            words.AddRange(rowWords);
            var box = rowWords[0].Box;
            for (var i = 1; i < rowWords.Count; i++) box = box.Union(rowWords[i].Box);
            lines.Add(new TextLine(JoinWords(rowWords), box, rowWords));
        }
        return (words, lines);
    }

    /// <summary>
    /// A glyph joins the current row when their vertical extents overlap by half the smaller height, so
    /// small marks sitting on the baseline (。, OCR'd punctuation) stay on their line. Sorting by centre
    /// first makes the grouping independent of drawing order.
    /// </summary>
    private static List<List<GlyphBox>> GroupIntoRows(IReadOnlyList<GlyphBox> glyphs)
    {
        // Centre descending, then left, then drawing order (what a stable OrderBy gives). Sorting indices avoids
        // LINQ's sorter over this struct, which no ReadyToRun image holds: it was JIT-compiled in every process.
        var order = new int[glyphs.Count];
        var centres = new double[glyphs.Count];
        var lefts = new double[glyphs.Count];
        for (var i = 0; i < order.Length; i++) (order[i], centres[i], lefts[i]) = (i, glyphs[i].Box.CentreY, glyphs[i].Box.Left);
        Array.Sort(order, (a, b) =>
        {
            var c = centres[b].CompareTo(centres[a]);
            if (c == 0) c = lefts[a].CompareTo(lefts[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var rows = new List<List<GlyphBox>>();
        List<GlyphBox>? current = null;
        double top = 0, bottom = 0, height = 0;
        foreach (var index in order)
        {
            var g = glyphs[index];
            if (current is not null)
            {
                var overlap = Math.Min(top, g.Box.Top) - Math.Max(bottom, g.Box.Bottom);
                if (overlap >= 0.5 * Math.Min(height, Math.Max(g.Box.Height, 0.5)))
                {
                    current.Add(g);
                    continue;
                }
            }
            current = [g];
            rows.Add(current);
            (top, bottom, height) = (g.Box.Top, g.Box.Bottom, Math.Max(g.Box.Height, 0.5));
        }
        foreach (var row in rows) row.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        return rows;
    }

    private static List<TextWord> SplitWords(List<GlyphBox> row)
    {
        var words = new List<TextWord>();
        var buffer = new List<GlyphBox>();
        void Flush()
        {
            if (buffer.Count == 0) return;
            var raw = new System.Text.StringBuilder();
            // White space at the ends of a glyph's mapping (a font mapping its period to " .") is no ink:
            // gaps decide where words break. Glyphs run left to right, so right-to-left script is in visual
            // order here: a ligature glyph's letters are put in that order too, for the table stage's bidi
            // pass to reverse with the rest.
            foreach (var b in buffer) raw.Append(TextNormalizer.GlyphInVisualOrder(b.Value.Trim()));
            var text = TextNormalizer.Normalize(raw.ToString());
            if (text.Length > 0)
            {
                // Plain loops: LINQ over this struct is JIT-compiled per process (see GroupIntoRows).
                var first = buffer[0];
                var (box, size, bold) = (first.Box, first.FontSize, first.Bold);
                for (var i = 1; i < buffer.Count; i++)
                {
                    var b = buffer[i];
                    box = box.Union(b.Box);
                    if (b.FontSize > size || double.IsNaN(size)) size = b.FontSize; // as Max: NaN only if all are
                    bold &= b.Bold;
                }
                words.Add(new TextWord(text, box, size, first.FontName, bold) { Confidence = FigureConfidence(buffer) });
            }
            buffer.Clear();
        }
        foreach (var g in row)
        {
            if (string.IsNullOrWhiteSpace(g.Value)) { Flush(); continue; }
            if (buffer.Count > 0)
            {
                var prev = buffer[^1];
                var gap = g.Box.Left - prev.Box.Right;
                var size = Math.Max(1, Math.Min(prev.FontSize, g.FontSize));
                // A full-width quotation mark or bracket is set in a whole em with its ink in one half: an opening one
                // (“ 《 （) has its blank half before it, a closing one (” 》 ）) after it. Glyph boxes are ink, so that
                // blank looks like a gap, but it belongs to the mark: 制作《北京市…手册》 is one text, not 制作 and
                // 《北京市…. Beside such a mark the gap is measured between the glyphs' advances, where the text layer
                // gives them. Stops (，。、；：) still part words as their ink does: a clause is a word, and a stop that
                // ends a paragraph's line crammed against the next column's text stays apart from it.
                if ((IsOpeningMark(g.Value) || IsClosingMark(prev.Value)) && !double.IsNaN(g.Advance.Left) && !double.IsNaN(prev.Advance.Right))
                    gap = g.Advance.Left - prev.Advance.Right;
                // A visible gap over ~a quarter em separates words; overlapping glyphs (bold by overprint) are one.
                if (gap > 0.25 * size && !IsNumberSeparatorGap(buffer, g, gap, size)) Flush();
                // An amount ending flush against the next cell's label ("18,330.37一、…"): two cells, two words.
                else if (gap > 0.5 && IsDigitCjkBoundary(prev.Value, g.Value)) Flush();
                // The same glyph drawn twice a hair apart is fake bold, not two letters.
                else if (prev.Value == g.Value && Math.Abs(prev.Box.Left - g.Box.Left) < 0.2 * size) continue;
            }
            buffer.Add(g);
        }
        Flush();
        return words;
    }

    /// <summary>
    /// The word's confidence as <see cref="TextWord.Confidence"/> defines it: the lowest among glyphs holding a digit or a
    /// decimal mark, since a misread figure is what costs most (an OCR word of prose and amount, 收入307.82, is one word
    /// on a Chinese line); the lowest of all when the word has no figure.
    /// </summary>
    private static double FigureConfidence(List<GlyphBox> glyphs)
    {
        double all = 1, figure = 1;
        var hasFigure = false;
        foreach (var g in glyphs)
        {
            all = Math.Min(all, g.Confidence);
            foreach (var c in g.Value)
            {
                if (!char.IsAsciiDigit(c) && c is not ('.' or ',')) continue;
                figure = Math.Min(figure, g.Confidence);
                hasFigure = true;
                break;
            }
        }
        return hasFigure ? figure : all;
    }

    /// <summary>
    /// Some Distiller output spaces the glyphs of an amount ("18, 330. 37"): a separator between digits
    /// followed by a narrow gap and a digit is still one number.
    /// </summary>
    private static bool IsNumberSeparatorGap(List<GlyphBox> buffer, GlyphBox next, double gap, double size) =>
        buffer.Count >= 2 && gap < 0.8 * size
        && buffer[^1].Value is "," or "." && buffer[^2].Value.Length == 1 && char.IsAsciiDigit(buffer[^2].Value[0])
        && next.Value.Length == 1 && char.IsAsciiDigit(next.Value[0]);

    /// <summary>Full-width opening marks (quotes, book-title marks, brackets): ink in the right half of their em.</summary>
    private static bool IsOpeningMark(string value) => value is "“" or "‘" or "《" or "〈" or "「" or "『" or "【" or "（" or "〔" or "［";

    /// <summary>Full-width closing marks (quotes, book-title marks, brackets): ink in the left half of their em.</summary>
    private static bool IsClosingMark(string value) => value is "”" or "’" or "》" or "〉" or "」" or "』" or "】" or "）" or "〕" or "］";

    private static bool IsDigitCjkBoundary(string left, string right) =>
        left.Length > 0 && right.Length > 0
        && (char.IsAsciiDigit(left[^1]) && TextNormalizer.IsCjk(right[0]) || TextNormalizer.IsCjk(left[^1]) && char.IsAsciiDigit(right[0]));

    private static string JoinWords(List<TextWord> words)
    {
        var text = words[0].Text;
        for (var i = 1; i < words.Count; i++)
        {
            var gap = words[i].Box.Left - words[i - 1].Box.Right;
            // A wide gap is visible separation (a table's next cell, a justified title): keep it as a space.
            text = gap > 1.5 * Math.Max(1, words[i].FontSize)
                ? text + " " + words[i].Text
                : TextNormalizer.Join(text, words[i].Text);
        }
        return text;
    }
}

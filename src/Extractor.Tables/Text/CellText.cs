using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Tables.Text;

/// <summary>The text of one cell from its words: lines top to bottom, each left to right, joined CJK-aware.</summary>
public static partial class CellText
{
    public static string Of(IReadOnlyList<TextWord> words)
    {
        if (words.Count == 0) return string.Empty;
        // Right-to-left lines are put back into logical order one line at a time (see Bidi).
        if (words.Count == 1) return Bidi.ToLogical(words[0].Text);
        var lines = Lines(words);
        var text = string.Empty;
        foreach (var line in lines)
        {
            text = JoinLines(text, Bidi.ToLogical(JoinWords(line)));
        }
        return text;
    }

    /// <summary>
    /// One line's words, left to right. Digits set with wide side bearings come out as separate words
    /// ("41" ".5", "$31" "0.33"): number pieces are glued when the gap is narrower than a space would be
    /// (wider after a "1", whose ink ends well before its advance, and before a decimal point).
    /// </summary>
    public static string JoinWords(IReadOnlyList<TextWord> line)
    {
        var text = line[0].Text;
        for (var i = 1; i < line.Count; i++)
        {
            var w = line[i];
            var gap = w.Box.Left - line[i - 1].Box.Right;
            var lastPiece = LastToken(text);
            if (Numberish().IsMatch(lastPiece) && Numberish().IsMatch(w.Text)
                && (lastPiece[^1] == '1' && gap < 0.6 * w.FontSize || gap < 0.35 * w.FontSize && IsNumber(lastPiece.TrimStart('$') + w.Text)
                    || w.Text[0] == '.' && char.IsDigit(lastPiece[^1]) && gap < 0.8 * w.FontSize)
                || gap < 0.6 * w.FontSize && Separator(lastPiece, w.Text, i + 1 < line.Count ? line[i + 1].Text : "")
                || lastPiece[^1] == '1' && char.IsDigit(w.Text[0]) && gap < 0.3 * w.FontSize)
                text += w.Text;
            else text = TextNormalizer.Join(text, w.Text);
        }
        return text;
    }

    /// <summary>
    /// Digits set one group at a time ("3" "," "533"): a thousands separator sits between digit groups, so a
    /// lone one joins the digit before it only when digits follow (a footnote mark before a dot leader, "2" ".",
    /// stays apart).
    /// </summary>
    private static bool Separator(string left, string right, string next) =>
        right is "," or "." && char.IsDigit(left[^1]) && next.Length > 0 && char.IsDigit(next[0])
        || left[^1] is ',' or '.' && right.All(char.IsDigit) && left.Length > 1 && char.IsDigit(left[^2]);

    private static string LastToken(string s)
    {
        var i = s.LastIndexOf(' ');
        return i < 0 ? s : s[(i + 1)..];
    }

    /// <summary>Words grouped into lines by vertical centre, top line first.</summary>
    public static List<List<TextWord>> Lines(IReadOnlyList<TextWord> words)
    {
        var sorted = Geometry.StableOrder.By(words, w => w.Box.CentreY, descending: true);
        var lines = new List<List<TextWord>>();
        double centre = 0, height = 0;
        foreach (var w in sorted)
        {
            if (lines.Count > 0 && Math.Abs(centre - w.Box.CentreY) <= 0.4 * Math.Min(height, w.Box.Height))
            {
                lines[^1].Add(w);
                continue;
            }
            lines.Add([w]);
            centre = w.Box.CentreY;
            height = w.Box.Height;
        }
        foreach (var l in lines) l.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        return lines;
    }

    /// <summary>
    /// Joins a cell's next line. A number wrapped in a narrow cell ("174,900" / ".64") is one number again:
    /// pieces are glued when together they make a well-formed number and one alone would not.
    /// </summary>
    public static string JoinLines(string above, string below)
    {
        if (above.Length == 0) return below;
        if (below.Length == 0) return above;
        if (NumberPiece().IsMatch(above) && NumberPiece().IsMatch(below))
        {
            var glued = above + below;
            if (IsNumber(glued) && (!IsNumber(above) || !IsNumber(below))) return glued;
        }
        return TextNormalizer.Join(above, below);
    }

    public static bool IsNumber(string s) => WellFormedNumber().IsMatch(s);

    /// <summary>Printed amounts: 1,234.56 · -12 · (35,8) · 12.5% · 1.234,5 (European grouping).</summary>
    [GeneratedRegex(@"^[-+(]?(\d{1,3}([,.]\d{3})+|\d+)([.,]\d+)?\)?%?$")]
    private static partial Regex WellFormedNumber();

    [GeneratedRegex(@"^[-+(]?[\d,.]+\)?%?$")]
    private static partial Regex NumberPiece();

    [GeneratedRegex(@"^[-+($€£¥]*[\d,.]*\d[\d,.]*\)?%?$|^[.,]\d+\)?%?$")]
    private static partial Regex Numberish();

    /// <summary>True for a cell value that reads as an amount, including the dashes printed for zero.</summary>
    public static bool IsNumeric(string s) => IsNumber(s) || s is "-" or "—" or "--" or "—" || NumberPiece().IsMatch(s) && s.Any(char.IsDigit);
}

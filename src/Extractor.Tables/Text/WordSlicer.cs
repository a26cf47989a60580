using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Tables.Text;

/// <summary>
/// Cuts a word at cell borders it crosses. Words carry no glyph positions, so each character's centre is
/// estimated from typical advances (CJK one em, Latin per letter), which is what assigning text by glyph
/// centre needs when a cell's text runs into the next cell without a gap.
/// </summary>
public static class WordSlicer
{
    public static IEnumerable<TextWord> Slice(TextWord word, IReadOnlyList<double> cuts)
    {
        // A word poking a little over a border (a wide glyph box, a tight cell) belongs to its centre's cell.
        var margin = Math.Max(1, 0.25 * word.Box.Width);
        var inside = cuts.Where(c => c > word.Box.Left + margin && c < word.Box.Right - margin).ToList();
        if (inside.Count == 0 || word.Text.Length < 2)
        {
            yield return word;
            yield break;
        }
        var weights = word.Text.Select(Advance).ToArray();
        var total = weights.Sum();
        var scale = word.Box.Width / total;
        var x = word.Box.Left;
        var start = 0;
        var startX = x;
        var cut = 0;
        for (var i = 0; i < word.Text.Length; i++)
        {
            var centre = x + weights[i] * scale / 2;
            while (cut < inside.Count && centre > inside[cut])
            {
                if (i > start) yield return Piece(word, start, i, startX, x);
                start = i;
                startX = x;
                cut++;
            }
            x += weights[i] * scale;
        }
        if (start < word.Text.Length) yield return Piece(word, start, word.Text.Length, startX, word.Box.Right);
    }

    /// <summary>Approximate advance in em: CJK full width, Latin after Helvetica's metrics (what most PDFs substitute).</summary>
    public static double Advance(char ch) => ch switch
    {
        _ when TextNormalizer.IsCjk(ch) => 1.0,
        'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' or 'I' or ' ' => 0.26,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '/' or '-' => 0.33,
        'm' or 'M' or 'W' => 0.86,
        'w' or '%' or '@' => 0.76,
        >= 'A' and <= 'Z' => 0.68,
        >= '0' and <= '9' => 0.556,
        _ => 0.52,
    };

    private static TextWord Piece(TextWord w, int from, int to, double left, double right) =>
        w with { Text = w.Text[from..to], Box = w.Box with { Left = left, Right = right } };
}

using Extractor.Core.Layout;
using Extractor.Core.Text;
using Extractor.Tables.Text;

namespace Extractor.Tables.Stream;

/// <summary>A run of words on one baseline close enough to be one cell's text (a phrase, a number).</summary>
public sealed record Chunk(IReadOnlyList<TextWord> Words, Box Box)
{
    public string Text => Words.Skip(1).Aggregate(Words[0].Text, (t, w) => TextNormalizer.Join(t, w.Text));
    public double FontSize => Words.Max(w => w.FontSize);
}

/// <summary>Words sharing a baseline, split into chunks at gaps wider than a space.</summary>
public sealed record TextRow(IReadOnlyList<Chunk> Chunks, Box Box)
{
    public double CentreY => Box.CentreY;
    public double FontSize => Chunks.Max(c => c.FontSize);
}

public static class TextRows
{
    /// <summary>A whole amount (not a piece like ",850.00" or ".15" that completes its left neighbour).</summary>
    private static bool NumberLike(string s) => Text.CellText.IsNumber(s);

    /// <summary>An interval or note in brackets after an amount: "(32.6-42.6)", a column of its own.</summary>
    private static bool Bracketed(string s) => s.Length > 2 && s[0] == '(' && s.Any(char.IsDigit);

    /// <summary>Gaps wider than this share of the font size separate chunks (a Latin space is about 0.25–0.33 em).</summary>
    public const double ChunkGap = 0.5;

    public static List<TextRow> Build(IEnumerable<TextWord> words)
    {
        var groups = CellText.Lines(words.ToList());
        var rows = new List<TextRow>(groups.Count);
        foreach (var g in groups)
        {
            var chunks = new List<Chunk>();
            var current = new List<TextWord> { g[0] };
            for (var i = 1; i < g.Count; i++)
            {
                var gap = g[i].Box.Left - current[^1].Box.Right;
                // Two amounts are two cells even when set close together; words of a phrase are one.
                var limit = NumberLike(current[^1].Text) && (NumberLike(g[i].Text) || Bracketed(g[i].Text)) ? 0.25 : ChunkGap;
                // A "1" set with its wide side bearing ("1" "9.0", "(1" "7.8)") is the start of the next number.
                if (current[^1].Text.EndsWith('1') && char.IsDigit(g[i].Text[0]) && NumberLike(current[^1].Text + g[i].Text)) limit = 0.4;
                // Otherwise the ink of a "1" ends about a fifth of an em before its advance: a plain space after
                // it ("12,371 agencies") measures over half an em.
                else if (current[^1].Text.EndsWith('1') && limit == ChunkGap) limit += 0.2;
                if (gap > limit * Math.Min(g[i].FontSize, current[^1].FontSize))
                {
                    chunks.Add(new Chunk(current, Box.Of(current.Select(w => w.Box))));
                    current = [];
                }
                current.Add(g[i]);
            }
            chunks.Add(new Chunk(current, Box.Of(current.Select(w => w.Box))));
            rows.Add(new TextRow(chunks, Box.Of(chunks.Select(c => c.Box))));
        }
        return rows;
    }
}

using Extractor.Core.Layout;

namespace Extractor.Tables.Stream;

/// <summary>
/// A header phrase set with one slightly wide space ("no.  of correct answers") falls into two chunks, and
/// the second, with nothing above or below it, would make a column of its own. A chunk that no chunk of
/// another line overlaps joins its left neighbour when the gap between them is under an em.
/// </summary>
public static class StrayChunkJoiner
{
    public static List<TextRow> Join(List<TextRow> rows)
    {
        var result = new List<TextRow>(rows.Count);
        foreach (var row in rows)
        {
            var others = rows.Where(r => r != row).SelectMany(r => r.Chunks).ToList();
            var chunks = new List<Chunk> { row.Chunks[0] };
            foreach (var c in row.Chunks.Skip(1))
            {
                var left = chunks[^1];
                var stray = !others.Any(o => o.Box.Right > c.Box.Left && o.Box.Left < c.Box.Right);
                if (stray && c.Box.Left - left.Box.Right < Math.Min(c.FontSize, left.FontSize))
                {
                    var words = left.Words.Concat(c.Words).ToList();
                    chunks[^1] = new Chunk(words, Box.Of(words.Select(w => w.Box)));
                }
                else chunks.Add(c);
            }
            result.Add(chunks.Count == row.Chunks.Count ? row : row with { Chunks = chunks });
        }
        return result;
    }
}

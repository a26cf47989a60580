using Extractor.Core.Layout;

namespace Extractor.Tables.Stream;

/// <summary>
/// Header words of neighbouring columns set tighter than a chunk gap ("Female sterilization Male
/// sterilization", "Condom/ modern") read as one chunk and would glue their columns. A chunk is cut at a
/// space between its words that lies in a gutter of the other rows — nothing crosses it, and text ends just
/// left of it and starts just right of it on several rows — provided no piece itself straddles a gutter
/// (a title running over many columns stays whole).
/// </summary>
public static class GutterSplitter
{
    public static List<TextRow> Split(List<TextRow> rows)
    {
        var all = rows.SelectMany(r => r.Chunks).ToList();
        if (all.Count < 8) return rows;
        var result = new List<TextRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var others = all.Where(c => !row.Chunks.Contains(c)).ToList();
            var neighbours = new[] { i > 0 ? rows[i - 1] : null, i + 1 < rows.Count ? rows[i + 1] : null }.OfType<TextRow>().ToList();
            var chunks = new List<Chunk>();
            foreach (var c in row.Chunks) chunks.AddRange(Cut(c, others, neighbours));
            result.Add(chunks.Count == row.Chunks.Count ? row : row with { Chunks = chunks });
        }
        return result;
    }

    private static IEnumerable<Chunk> Cut(Chunk c, List<Chunk> others, List<TextRow> neighbours)
    {
        if (c.Words.Count < 2) return [c];
        var reach = 4 * c.FontSize;
        var pieces = new List<List<TextWord>> { new() { c.Words[0] } };
        for (var i = 1; i < c.Words.Count; i++)
        {
            var x = (c.Words[i - 1].Box.Right + c.Words[i].Box.Left) / 2;
            if (c.Words[i].Box.Left > c.Words[i - 1].Box.Right && Gutter(x, reach, others) is not null && Confirmed(x, c, neighbours)) pieces.Add([]);
            pieces[^1].Add(c.Words[i]);
        }
        if (pieces.Count == 1) return [c];
        var result = pieces.Select(p => new Chunk(p, Box.Of(p.Select(w => w.Box)))).ToList();
        // Each piece must sit in one column: a piece reaching from one column's text into the next one's
        // means the chunk spans columns as a whole (a title, a spanning header).
        foreach (var p in result)
            foreach (var o in others.Where(o => o.Box.Right > p.Box.Left && o.Box.Right < p.Box.Right))
                if (Gutter(o.Box.Right + 0.5, reach, others) is { } g && p.Box.Left < g.LeftText - 1 && p.Box.Right > g.RightText + 1)
                    return [c];
        return result;
    }

    /// <summary>
    /// The header line above or below has its own texts on both sides of x under the chunk ("Female" over
    /// one "sterilization", "Male" over the other); a spanning header has no such line next to it.
    /// </summary>
    private static bool Confirmed(double x, Chunk c, List<TextRow> neighbours) =>
        neighbours.Any(r => r.Chunks.Any(o => o.Box.Right <= x && o.Box.Right > c.Box.Left) && r.Chunks.Any(o => o.Box.Left >= x && o.Box.Left < c.Box.Right));

    /// <summary>
    /// x separates columns: rows end text within reach left of it and start text within reach right of it,
    /// almost none cross it. Returns where the nearest text on either side ends and starts.
    /// </summary>
    private static (double LeftText, double RightText)? Gutter(double x, double reach, List<Chunk> others)
    {
        var crossing = 0;
        var ends = new List<double>();
        var starts = new List<double>();
        foreach (var o in others)
        {
            if (o.Box.Left < x && o.Box.Right > x) crossing++;
            else if (o.Box.Right <= x && o.Box.Right > x - reach) ends.Add(o.Box.Right);
            else if (o.Box.Left >= x && o.Box.Left < x + reach) starts.Add(o.Box.Left);
        }
        if (ends.Count < 2 || starts.Count < 2 || 4 * crossing > Math.Min(ends.Count, starts.Count)) return null;
        // The second nearest on each side: one spanning header starting early does not mark a column's edge.
        var leftText = ends.OrderDescending().ElementAt(1);
        var rightText = starts.Order().ElementAt(1);
        // Columns are set apart by more than the space inside a number broken into pieces.
        return rightText - leftText >= reach / 8 ? (leftText, rightText) : null;
    }
}

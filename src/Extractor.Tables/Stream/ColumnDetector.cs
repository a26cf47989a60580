namespace Extractor.Tables.Stream;

/// <summary>
/// Columns from text alignment: x ranges covered by the chunks of the rows, separated by gaps no row
/// fills. A chunk that bridges a gap narrower chunks leave open on both of its sides
/// (a header spanning columns, a title) is set aside so it cannot glue columns together; it spans them.
/// </summary>
public static class ColumnDetector
{
    public sealed record Result(List<(double Left, double Right)> Columns, HashSet<Chunk> Spanning);

    public static Result Detect(IReadOnlyList<TextRow> rows)
    {
        var rowOf = new Dictionary<Chunk, int>();
        for (var i = 0; i < rows.Count; i++)
            foreach (var c in rows[i].Chunks) rowOf[c] = i;
        var all = rowOf.Keys.OrderBy(c => c.Box.Left).ToList();
        var spanning = new HashSet<Chunk>();
        // A few passes: once a spanning chunk is set aside, a wider one above it may show its own bridging.
        for (var pass = 0; pass < 3; pass++)
        {
            var active = all.Where(c => !spanning.Contains(c)).ToList();
            var found = false;
            foreach (var c in active)
            {
                // Only narrower chunks judge, so two header lines spanning the same columns cannot hide each other.
                var narrower = active.Where(o => o != c && o.Box.Width < c.Box.Width && o.Box.Right > c.Box.Left + 1 && o.Box.Left < c.Box.Right - 1);
                if (Groups(narrower).Count >= 2) { spanning.Add(c); found = true; }
            }
            if (!found) break;
        }
        var columns = Groups(all.Where(c => !spanning.Contains(c)))
            .Select(g => (g.Min(c => c.Box.Left), g.Max(c => c.Box.Right))).ToList();
        return new Result(columns, spanning);
    }

    /// <summary>Chunks chained by horizontal overlap, left to right.</summary>
    private static List<List<Chunk>> Groups(IEnumerable<Chunk> chunks)
    {
        var result = new List<List<Chunk>>();
        var right = double.MinValue;
        foreach (var c in chunks.OrderBy(c => c.Box.Left))
        {
            if (result.Count > 0 && c.Box.Left < right) result[^1].Add(c);
            else result.Add([c]);
            right = result[^1].Count == 1 ? c.Box.Right : Math.Max(right, c.Box.Right);
        }
        return result;
    }
}

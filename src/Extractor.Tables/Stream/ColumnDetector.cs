namespace Extractor.Tables.Stream;

/// <summary>
/// Columns from text alignment: x ranges covered by the chunks of the rows, separated by gaps no row
/// fills. A chunk that bridges a gap narrower chunks of several rows leave open on both of its sides
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
        // Narrowest first, so a chunk found spanning no longer hides the gaps a wider one bridges.
        foreach (var c in all.OrderBy(c => c.Box.Width))
        {
            // Only narrower chunks judge, so two header lines spanning the same columns cannot hide each other;
            // a side counts when two rows or more fill it, so one oddly spaced line cannot split a column.
            var narrower = all.Where(o => o != c && o.Box.Width < c.Box.Width && !spanning.Contains(o) && o.Box.Right > c.Box.Left + 1 && o.Box.Left < c.Box.Right - 1);
            var supported = Groups(narrower).Count(g => g.Select(o => rowOf[o]).Distinct().Count() >= 2);
            if (supported >= 2) spanning.Add(c);
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

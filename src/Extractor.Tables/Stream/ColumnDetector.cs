namespace Extractor.Tables.Stream;

/// <summary>
/// Columns from text alignment: x ranges covered by the chunks of the rows, separated by gaps no row
/// fills. A chunk that alone bridges a gap other rows leave open on both of its sides (a header spanning
/// several columns, a title) is set aside so it cannot glue columns together; it spans them instead.
/// </summary>
public static class ColumnDetector
{
    public sealed record Result(List<(double Left, double Right)> Columns, HashSet<Chunk> Spanning);

    public static Result Detect(IReadOnlyList<TextRow> rows)
    {
        var spanning = new HashSet<Chunk>();
        var all = rows.SelectMany(r => r.Chunks).ToList();
        for (var pass = 0; pass < 3; pass++)
        {
            var active = all.Where(c => !spanning.Contains(c)).ToList();
            var columns = Merge(active);
            var added = false;
            foreach (var c in active)
            {
                // Does this chunk join what the others leave as separate columns?
                var others = Merge(active.Where(o => o != c && !spanning.Contains(o) && o.Box.Right > c.Box.Left + 1 && o.Box.Left < c.Box.Right - 1));
                if (others.Count >= 2) { spanning.Add(c); added = true; }
            }
            if (!added) return new Result(columns, spanning);
        }
        return new Result(Merge(all.Where(c => !spanning.Contains(c))), spanning);
    }

    private static List<(double Left, double Right)> Merge(IEnumerable<Chunk> chunks)
    {
        var result = new List<(double Left, double Right)>();
        foreach (var c in chunks.OrderBy(c => c.Box.Left))
        {
            if (result.Count > 0 && c.Box.Left < result[^1].Right)
                result[^1] = (result[^1].Left, Math.Max(result[^1].Right, c.Box.Right));
            else result.Add((c.Box.Left, c.Box.Right));
        }
        return result;
    }
}

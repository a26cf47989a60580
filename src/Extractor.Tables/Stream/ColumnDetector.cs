namespace Extractor.Tables.Stream;

/// <summary>
/// Columns from text alignment: x ranges covered by the chunks of the rows, separated by gaps no row
/// fills. A chunk that bridges a gap the chunks it does not cover leave open on both of its sides
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
        // The body starts at the first line of amounts; a line of years ("2009 2010") still heads columns.
        var body = rows.ToList().FindIndex(r => r.Chunks.Any(c => Text.CellText.IsNumeric(c.Text) && !Year(c.Text)));
        if (body < 0) body = rows.Count;
        var spanning = new HashSet<Chunk>();
        // A few passes: once a spanning chunk is set aside, a wider one above it may show its own bridging.
        for (var pass = 0; pass < 3; pass++)
        {
            var active = all.Where(c => !spanning.Contains(c)).ToList();
            var found = false;
            foreach (var c in active)
            {
                // Only chunks that do not cover it judge, so two header lines spanning the same columns cannot
                // hide each other; in the header a wider chunk reaching in from one side still shows where a
                // column starts. In the body only narrower chunks judge: a label wider than the text beside it
                // ("Total" over "80" "years") shows that the two are one column set in two parts.
                var header = rowOf[c] < body;
                var judges = active.Where(o => o != c && Overlaps(o, c) && (header ? !Covers(o, c) : o.Box.Width < c.Box.Width)).ToList();
                // A lone judge only shows a column if it belongs to one: a header word set apart from the rest
                // of its line ("Fraction    of" over "Wealth Lost") is not a column of its own.
                var shown = Groups(judges).Count(g => g.Count >= 2 || active.Any(o => o != c && o != g[0] && !Covers(o, c) && Overlaps(o, g[0])));
                if (shown >= 2) { spanning.Add(c); found = true; }
            }
            if (!found) break;
        }
        var columns = Groups(all.Where(c => !spanning.Contains(c)))
            .Select(g => (g.Min(c => c.Box.Left), g.Max(c => c.Box.Right))).ToList();
        return new Result(columns, spanning);
    }

    private static bool Year(string s) => s.Length == 4 && s.All(char.IsDigit) && s[0] is '1' or '2';

    private static bool Overlaps(Chunk o, Chunk c) => o.Box.Right > c.Box.Left + 1 && o.Box.Left < c.Box.Right - 1;

    private static bool Covers(Chunk o, Chunk c) =>
        o.Box.Width >= c.Box.Width && o.Box.Left <= c.Box.Left + 1 && o.Box.Right >= c.Box.Right - 1;

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

namespace Extractor.Tables.Stream;

/// <summary>
/// A header cell printed over two lines ("Fraction of" / "Wealth Lost", "Total" / "population") is one cell.
/// Above the first row of amounts, two lines set as tight as the lines of one paragraph are one row when
/// the columns one fills are among those the other fills and neither holds a header spanning columns. Group
/// headings ("Coronary heart disease" over "no. Rate (95% CI)") stand further off and stay a row; so does a
/// line holding only a first-column label ("Sex"), which opens a section of the body.
/// </summary>
internal static class HeaderLines
{
    public static List<Row> Merge(List<Row> rows, Dictionary<(Row, int), int> spans)
    {
        // Only a table of amounts shows where its header ends; a table of text lines is left as printed.
        var header = rows.FindIndex(r => r.Numeric);
        if (header < 1 || header > 10) return rows;
        var spanning = spans.Keys.Select(k => k.Item1).ToHashSet();
        var result = new List<Row>(rows.Count);
        var inHeader = true;
        foreach (var row in rows)
        {
            inHeader &= !row.Numeric;
            if (inHeader && result.Count > 0 && result[^1] is var above && !spanning.Contains(above) && !spanning.Contains(row)
                && Filled(row) is var below && !below.SetEquals([0]) && (below.IsSubsetOf(Filled(above)) || Filled(above).IsSubsetOf(below))
                && above.Box.Bottom - row.Box.Top < 0.5 * row.Box.Height)
            {
                above.Absorb(row);
                continue;
            }
            result.Add(row);
        }
        return result;
    }

    private static HashSet<int> Filled(Row r) => Enumerable.Range(0, r.Cells.Count).Where(c => r.Cells[c].Count > 0).ToHashSet();
}

using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Geometry;
using Extractor.Tables.Lattice;

namespace Extractor.Tables.Stream;

/// <summary>
/// Unruled tables. Given an area, its text is one table, every line of it a row (as tabula's stream mode
/// takes it); on a whole page, table regions are found first, with the title and note lines set right above
/// them (as camelot's stream mode takes them). Auto reads regions as logical rows instead (see FindIn).
/// </summary>
public sealed class StreamTableFinder : IStreamTableFinder
{
    public IReadOnlyList<RawTable> Find(PageContent page, Box? area = null)
    {
        if (area is { } a) return FindIn(page, a) is { } t ? [t] : [];
        var result = new List<RawTable>();
        foreach (var region in TextRegionDetector.Detect(page, [], captions: true))
            if (FindIn(page, region) is { } t && Plausible(t)) result.Add(t);
        return result;
    }

    /// <summary>
    /// One table from the words of <paramref name="region"/>. Asked for stream explicitly, every printed
    /// line is a row and rulings are ignored, as tabula and camelot read unruled text. Auto asks for
    /// <paramref name="logicalRows"/>: rows ruled off by rulings, wrapped labels joined to the line holding
    /// their amounts (what a 决算 table means by a row).
    /// </summary>
    public static RawTable? FindIn(PageContent page, Box region, bool logicalRows = false)
    {
        var words = LatticeTableFinder.WordsIn(page, region).ToList();
        if (words.Count == 0) return null;
        var rows = TextRows.Build(words);
        // Read as printed lines, header words are cut at the columns' gutters as tabula and camelot cut them;
        // read as logical rows, a header phrase centred over two columns ("All items") spans them whole.
        rows = StrayChunkJoiner.Join(logicalRows ? rows : GutterSplitter.Split(rows));
        var (hs, _) = logicalRows ? RulingNormalizer.Normalize(page.Rulings, region) : ([], []);
        var textBox = Box.Of(words.Select(w => w.Box));
        // Rulings crossing most of the text's width separate rows; short ones underline headers or cells.
        var separators = Clusters.Means(hs.Where(h => h.Length >= 0.6 * textBox.Width && h.Y > textBox.Bottom - 1 && h.Y < textBox.Top + 1)
            .Select(h => h.Y), 2);
        return StreamGrid.Build(rows, separators, page.Number, logicalRows) is { } table ? TrimEmptyColumns(table) : null;
    }

    /// <summary>
    /// A region found on its own must look like a table: two columns or more, rows that fill several
    /// cells, and some numbers (a table of contents or a justified paragraph has none of these together).
    /// </summary>
    public static bool Plausible(RawTable t)
    {
        if (t.ColumnCount < 2) return false;
        var multi = t.Rows.Count(r => r.Cells.Count(c => c.Text.Length > 0) >= 2);
        var numeric = t.Rows.Sum(r => r.Cells.Skip(1).Count(c => Text.CellText.IsNumeric(c.Text)));
        return multi >= 3 && numeric >= 3;
    }

    private static RawTable TrimEmptyColumns(RawTable t)
    {
        var cols = t.ColumnCount;
        var keep = Enumerable.Range(0, cols).Where(c => t.Rows.Any(r => c < r.Cells.Count && (r.Cells[c].Text.Length > 0 || r.Cells[c].IsCovered))).ToList();
        if (keep.Count == cols) return t;
        var rows = t.Rows.Select(r => r with { Cells = keep.Select(c => r.Cells[c]).ToList() }).ToList();
        return t with { Rows = rows };
    }
}

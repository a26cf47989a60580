using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Lattice;
using Extractor.Tables.Stream;
using Extractor.Tables.Text;

namespace Extractor.Tables.Auto;

/// <summary>
/// Ruled grids first; a grid whose cells visibly hold several columns of text (only an outer frame, or
/// only row lines) is re-read by text alignment inside its frame; text outside grids is searched for
/// unruled tables.
/// </summary>
public sealed class AutoTableFinder : IPageTableFinder
{
    public IReadOnlyList<RawTable> Find(PageContent page, Box? area = null)
    {
        var words = LatticeTableFinder.WordsIn(page, area).ToList();
        var tables = new List<RawTable>();
        var covered = new List<Box>();
        foreach (var grid in LatticeTableFinder.FindGrids(page, area))
        {
            var cells = grid.Assign(words);
            if (cells.Count == 0) continue;
            covered.Add(grid.Box);
            var table = grid.ToTable(cells, page.Number);
            tables.Add(UnderRuled(grid, cells) ? StreamTableFinder.FindIn(page, grid.Box, logicalRows: true) ?? table : table);
        }
        var outside = words.Where(w => !covered.Any(b => b.Contains(w.Box.CentreX, w.Box.CentreY, 1))).ToList();
        if (area is { } a)
        {
            // A given area is one table: read it by alignment unless grids already hold its text.
            if (outside.Count > 0.2 * words.Count && StreamTableFinder.FindIn(page, a, logicalRows: true) is { } t) return [t];
        }
        else
        {
            foreach (var region in TextRegionDetector.Detect(page, covered))
                if (StreamTableFinder.FindIn(page, region, logicalRows: true) is { } t && StreamTableFinder.Plausible(t)) tables.Add(t);
        }
        return tables.OrderByDescending(t => t.Box?.Top ?? 0).ToList();
    }

    /// <summary>Cells holding text split by wide gaps on one line: columns the rulings do not draw.</summary>
    private static bool UnderRuled(RuledGrid grid, Dictionary<(int R, int C), List<TextWord>> cells)
    {
        var split = cells.Values.Count(ws => CellText.Lines(ws).Any(HasWideGap));
        return grid.Cols == 1 && grid.Rows >= 2 && split > 0 || split >= 2 && split > 0.25 * cells.Count;
    }

    private static bool HasWideGap(List<TextWord> line)
    {
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Box.Left - line[i - 1].Box.Right;
            var em = Math.Max(line[i].FontSize, line[i - 1].FontSize);
            // Two amounts side by side in one cell are two columns the rulings leave out.
            if (gap > 2.0 * em || gap > 0.6 * em && CellText.IsNumber(line[i].Text) && CellText.IsNumber(line[i - 1].Text)) return true;
        }
        return false;
    }
}

using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Geometry;
using Extractor.Tables.Text;

namespace Extractor.Tables.Lattice;

/// <summary>Ruled tables: every connected set of crossing rulings that forms a grid of at least two slots.</summary>
public sealed class LatticeTableFinder : ILatticeTableFinder
{
    public IReadOnlyList<RawTable> Find(PageContent page, Box? area = null)
    {
        var words = WordsIn(page, area);
        return FindGrids(page, area).Select(g => g.ToTable(words, page.Number)).ToList();
    }

    /// <summary>The grids themselves, top to bottom, for callers that want to inspect the rulings.</summary>
    public static List<RuledGrid> FindGrids(PageContent page, Box? area)
    {
        var (hs, vs) = RulingNormalizer.Normalize(page.Rulings, area);
        var grids = new List<RuledGrid>();
        foreach (var comp in RulingComponents.Find(hs, vs))
        {
            if (comp.H.Count == 0 || comp.V.Count == 0) continue;
            var grid = new RuledGrid(comp);
            if (grid.Rows < 1 || grid.Cols < 1 || grid.Rows * grid.Cols < 2) continue;
            if (grid.Box.Width < 10 || grid.Box.Height < 6) continue;
            grids.Add(grid);
        }
        // A grid inside another grid's cell (a boxed note in a table) belongs to the outer table.
        grids = grids.Where(g => !grids.Any(o => o != g && Inside(g.Box, o.Box))).ToList();
        // Top down, then left to right, ties in order found (as a stable OrderBy, without its per-process JIT).
        var order = new int[grids.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = grids[b].Box.Top.CompareTo(grids[a].Box.Top);
            if (c == 0) c = grids[a].Box.Left.CompareTo(grids[b].Box.Left);
            return c != 0 ? c : a.CompareTo(b);
        });
        var sorted = new List<RuledGrid>(order.Length);
        foreach (var i in order) sorted.Add(grids[i]);
        return sorted;
    }

    /// <summary>The page's words whose centre lies in the area, with implausibly wide boxes cut back.</summary>
    public static List<TextWord> WordsIn(PageContent page, Box? area) =>
        WordGeometry.Sane(area is { } a ? page.Words.Where(w => a.Contains(w.Box.CentreX, w.Box.CentreY)) : page.Words);

    private static bool Inside(Box inner, Box outer) =>
        inner.Left >= outer.Left - 1 && inner.Right <= outer.Right + 1 && inner.Bottom >= outer.Bottom - 1 && inner.Top <= outer.Top + 1
        && inner.Width * inner.Height < outer.Width * outer.Height;
}

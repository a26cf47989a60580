using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Text;

namespace Extractor.Tables.Lattice;

/// <summary>
/// Tables that rule their columns but not their rows put a whole body into one grid row. When two cells
/// or more of a grid row each hold several lines of numbers, the row is cut at the baselines; a line of
/// label alone (a wrapped label) joins the nearest line that holds numbers.
/// </summary>
public static class UnruledRows
{
    public static List<RawRow>? Split(RuledGrid grid, int r, Dictionary<(int R, int C), List<TextWord>> cellWords,
        Dictionary<(int, int), (int RowSpan, int ColSpan)> spans, int page)
    {
        var owners = Enumerable.Range(0, grid.Cols).Where(c => spans.ContainsKey((r, c))).ToList();
        if (owners.Any(c => spans[(r, c)].RowSpan != 1) || owners.Count == 0) return null;
        // Slots covered from the row above belong to a cell that cannot be cut.
        var coveredWidth = owners.Sum(c => spans[(r, c)].ColSpan);
        if (coveredWidth != grid.Cols) return null;
        var numericStacks = owners.Count(c => cellWords.TryGetValue((r, c), out var ws)
                                              && CellText.Lines(ws) is { Count: >= 2 } lines
                                              && lines.All(l => CellText.IsNumeric(CellText.JoinWords(l))));
        if (numericStacks < 2) return null;

        var all = owners.SelectMany(c => cellWords.TryGetValue((r, c), out var ws) ? ws : []).ToList();
        var bands = CellText.Lines(all).Select(l => (Top: l.Max(w => w.Box.Top), Bottom: l.Min(w => w.Box.Bottom), Centre: l.Average(w => w.Box.CentreY))).ToList();
        var groups = bands.Select(b => new List<(double Top, double Bottom, double Centre)> { b }).ToList();
        bool Numeric(List<(double Top, double Bottom, double Centre)> g) =>
            owners.Any(c => CellText.IsNumeric(CellText.Of(WordsIn(cellWords, r, c, g))));
        // Wrapped label lines join the nearest line with numbers.
        for (var i = 0; i < groups.Count; i++)
        {
            if (Numeric(groups[i]) || groups.Count == 1) continue;
            var above = i > 0 && Numeric(groups[i - 1]) ? groups[i - 1][^1].Centre - groups[i][0].Centre : double.MaxValue;
            var below = i + 1 < groups.Count && Numeric(groups[i + 1]) ? groups[i][^1].Centre - groups[i + 1][0].Centre : double.MaxValue;
            if (above == double.MaxValue && below == double.MaxValue) continue;
            var target = above <= below ? i - 1 : i + 1;
            groups[target].AddRange(groups[i]);
            groups[target].Sort((a, b) => b.Centre.CompareTo(a.Centre));
            groups.RemoveAt(i);
            i = -1;
        }

        var rows = new List<RawRow>(groups.Count);
        foreach (var g in groups)
        {
            var top = g.Max(b => b.Top);
            var bottom = g.Min(b => b.Bottom);
            var cells = new List<RawCell>(grid.Cols);
            foreach (var c in owners)
            {
                var span = spans[(r, c)].ColSpan;
                var slot = grid.Slot(r, c).Union(grid.Slot(r, c + span - 1));
                var box = slot with { Bottom = bottom, Top = top };
                var words = WordsIn(cellWords, r, c, g);
                cells.Add(new RawCell(CellText.Of(words), box, 1, span) { Ink = RuledGrid.Ink(words) });
                for (var k = 1; k < span; k++) cells.Add(RawCell.Covered(grid.Slot(r, c + k) with { Bottom = bottom, Top = top }));
            }
            rows.Add(new RawRow(cells, page, new Box(grid.Xs[0], bottom, grid.Xs[^1], top)));
        }
        return rows;
    }

    private static List<TextWord> WordsIn(Dictionary<(int R, int C), List<TextWord>> cellWords, int r, int c,
        List<(double Top, double Bottom, double Centre)> bands) =>
        cellWords.TryGetValue((r, c), out var ws)
            ? ws.Where(w => bands.Any(b => w.Box.CentreY <= b.Top && w.Box.CentreY >= b.Bottom)).ToList()
            : [];
}

using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// The cells of ruled tables, from the rulings alone: the distinct ruling positions cut the page into
/// elementary rectangles; neighbours with no ruling between them belong to one (merged) cell; a cell is
/// kept when rulings close it on all four sides, so the open space around tables never counts as a cell.
/// </summary>
public static class RulingCells
{
    private const double Tolerance = 3; // points: one ruling drawn a little off its neighbours' position
    private const double Covered = 0.8;  // share of a side a ruling must cover to close it

    public static IReadOnlyList<Box> Find(IReadOnlyList<Ruling> rulings)
    {
        var horizontal = rulings.Where(r => Math.Abs(r.Y1 - r.Y2) < Tolerance)
            .Select(r => (At: (r.Y1 + r.Y2) / 2, From: Math.Min(r.X1, r.X2), To: Math.Max(r.X1, r.X2))).ToList();
        var vertical = rulings.Where(r => Math.Abs(r.X1 - r.X2) < Tolerance)
            .Select(r => (At: (r.X1 + r.X2) / 2, From: Math.Min(r.Y1, r.Y2), To: Math.Max(r.Y1, r.Y2))).ToList();
        var ys = Positions(horizontal.Select(h => h.At));
        var xs = Positions(vertical.Select(v => v.At));
        if (xs.Count < 2 || ys.Count < 2) return [];
        int nx = xs.Count - 1, ny = ys.Count - 1;
        var parent = Enumerable.Range(0, nx * ny).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                // Right neighbour: joined unless a vertical ruling runs between them; upper neighbour likewise.
                if (i + 1 < nx && !Closed(vertical, xs[i + 1], ys[j], ys[j + 1])) parent[Find(j * nx + i)] = Find(j * nx + i + 1);
                if (j + 1 < ny && !Closed(horizontal, ys[j + 1], xs[i], xs[i + 1])) parent[Find(j * nx + i)] = Find((j + 1) * nx + i);
            }
        var cells = new List<Box>();
        foreach (var group in Enumerable.Range(0, nx * ny).GroupBy(Find))
        {
            var box = Box.Of(group.Select(k => new Box(xs[k % nx], ys[k / nx], xs[k % nx + 1], ys[k / nx + 1])));
            if (Closed(vertical, box.Left, box.Bottom, box.Top) && Closed(vertical, box.Right, box.Bottom, box.Top)
                && Closed(horizontal, box.Bottom, box.Left, box.Right) && Closed(horizontal, box.Top, box.Left, box.Right))
                cells.Add(box);
        }
        return cells;
    }

    /// <summary>Ruling positions, neighbours within the tolerance taken as one.</summary>
    private static List<double> Positions(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
            if (result.Count == 0 || v - result[^1] > Tolerance) result.Add(v);
        return result;
    }

    /// <summary>True when rulings at this position cover most of the side from..to.</summary>
    private static bool Closed(List<(double At, double From, double To)> lines, double at, double from, double to)
    {
        var length = to - from;
        if (length <= 0) return true;
        var covered = lines.Where(l => Math.Abs(l.At - at) <= Tolerance)
            .Sum(l => Math.Max(0, Math.Min(l.To, to) - Math.Max(l.From, from)));
        return covered >= Covered * length;
    }
}

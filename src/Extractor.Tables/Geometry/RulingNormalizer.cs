using Extractor.Core.Layout;

namespace Extractor.Tables.Geometry;

/// <summary>
/// Turns the page's raw rulings into clean segments: clipped to the area, collinear pieces snapped to one
/// coordinate and joined where they nearly touch (cell borders are often drawn one cell at a time).
/// </summary>
public static class RulingNormalizer
{
    public const double SnapTolerance = 1.5;
    public const double JoinGap = 3.0;

    public static (List<HSeg> H, List<VSeg> V) Normalize(IReadOnlyList<Ruling> rulings, Box? area)
    {
        var hs = new List<HSeg>();
        var vs = new List<VSeg>();
        foreach (var r in rulings)
        {
            if (r.IsHorizontal)
            {
                var h = new HSeg((r.Y1 + r.Y2) / 2, Math.Min(r.X1, r.X2), Math.Max(r.X1, r.X2));
                if (area is { } a)
                {
                    if (h.Y < a.Bottom - 2 || h.Y > a.Top + 2 || h.X2 < a.Left || h.X1 > a.Right) continue;
                    h = h with { X1 = Math.Max(h.X1, a.Left), X2 = Math.Min(h.X2, a.Right) };
                }
                if (h.Length >= 1) hs.Add(h);
            }
            else if (r.IsVertical)
            {
                var v = new VSeg((r.X1 + r.X2) / 2, Math.Min(r.Y1, r.Y2), Math.Max(r.Y1, r.Y2));
                if (area is { } a)
                {
                    if (v.X < a.Left - 2 || v.X > a.Right + 2 || v.Y2 < a.Bottom || v.Y1 > a.Top) continue;
                    v = v with { Y1 = Math.Max(v.Y1, a.Bottom), Y2 = Math.Min(v.Y2, a.Top) };
                }
                if (v.Length >= 1) vs.Add(v);
            }
        }
        return (JoinH(hs), JoinV(vs));
    }

    private static List<HSeg> JoinH(List<HSeg> hs)
    {
        var result = new List<HSeg>();
        foreach (var group in GroupByCoordinate(hs, h => h.Y))
        {
            var y = group[0].Y; // the mean, summed as Enumerable.Average does
            for (var k = 1; k < group.Count; k++) y += group[k].Y;
            y /= group.Count;
            var sorted = StableOrder.By(group, h => h.X1);
            var cur = sorted[0] with { Y = y };
            for (var k = 1; k < sorted.Count; k++)
            {
                var h = sorted[k];
                if (h.X1 <= cur.X2 + JoinGap) cur = cur with { X2 = Math.Max(cur.X2, h.X2) };
                else { result.Add(cur); cur = h with { Y = y }; }
            }
            result.Add(cur);
        }
        return result;
    }

    private static List<VSeg> JoinV(List<VSeg> vs)
    {
        var result = new List<VSeg>();
        foreach (var group in GroupByCoordinate(vs, v => v.X))
        {
            var x = group[0].X;
            for (var k = 1; k < group.Count; k++) x += group[k].X;
            x /= group.Count;
            var sorted = StableOrder.By(group, v => v.Y1);
            var cur = sorted[0] with { X = x };
            for (var k = 1; k < sorted.Count; k++)
            {
                var v = sorted[k];
                if (v.Y1 <= cur.Y2 + JoinGap) cur = cur with { Y2 = Math.Max(cur.Y2, v.Y2) };
                else { result.Add(cur); cur = v with { X = x }; }
            }
            result.Add(cur);
        }
        return result;
    }

    private static IEnumerable<List<T>> GroupByCoordinate<T>(List<T> items, Func<T, double> key)
    {
        var sorted = StableOrder.By(items, key);
        var i = 0;
        while (i < sorted.Count)
        {
            var group = new List<T> { sorted[i] };
            while (i + group.Count < sorted.Count && key(sorted[i + group.Count]) - key(sorted[i + group.Count - 1]) <= SnapTolerance)
                group.Add(sorted[i + group.Count]);
            i += group.Count;
            yield return group;
        }
    }
}

using Extractor.Tables.Geometry;

namespace Extractor.Tables.Lattice;

/// <summary>One connected set of crossing rulings: a table's frame candidate.</summary>
public sealed record RulingComponent(IReadOnlyList<HSeg> H, IReadOnlyList<VSeg> V)
{
    public double Left => V.Count == 0 ? H.Min(h => h.X1) : Math.Min(V.Min(v => v.X), H.Count == 0 ? double.MaxValue : H.Min(h => h.X1));
    public double Right => V.Count == 0 ? H.Max(h => h.X2) : Math.Max(V.Max(v => v.X), H.Count == 0 ? double.MinValue : H.Max(h => h.X2));
    public double Bottom => H.Count == 0 ? V.Min(v => v.Y1) : Math.Min(H.Min(h => h.Y), V.Count == 0 ? double.MaxValue : V.Min(v => v.Y1));
    public double Top => H.Count == 0 ? V.Max(v => v.Y2) : Math.Max(H.Max(h => h.Y), V.Count == 0 ? double.MinValue : V.Max(v => v.Y2));
}

/// <summary>Groups rulings that touch or cross (within a tolerance) with union-find.</summary>
public static class RulingComponents
{
    public const double Touch = 2.5;

    public static List<RulingComponent> Find(List<HSeg> hs, List<VSeg> vs)
    {
        var parent = new int[hs.Count + vs.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        void Union(int a, int b) { a = Root(a); b = Root(b); if (a != b) parent[a] = b; }

        // Verticals sorted by x so each horizontal only visits the verticals within its extent.
        // Plain arrays and a stable index sort (ties in input order, as OrderBy): LINQ here was JIT-compiled per process.
        var order = new int[vs.Count];
        var xs = new double[vs.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => vs[a].X.CompareTo(vs[b].X) is var c && c != 0 ? c : a.CompareTo(b));
        for (var i = 0; i < order.Length; i++) xs[i] = vs[order[i]].X;
        for (var h = 0; h < hs.Count; h++)
        {
            var seg = hs[h];
            var start = LowerBound(xs, seg.X1 - Touch);
            for (var k = start; k < xs.Length && xs[k] <= seg.X2 + Touch; k++)
            {
                var v = vs[order[k]];
                if (seg.Y >= v.Y1 - Touch && seg.Y <= v.Y2 + Touch) Union(h, hs.Count + order[k]);
            }
        }
        // Components in order of their first member, as the dictionary's insertion order gave them.
        var slot = new Dictionary<int, int>();
        var groups = new List<(List<HSeg> H, List<VSeg> V)>();
        for (var i = 0; i < hs.Count + vs.Count; i++)
        {
            var r = Root(i);
            if (!slot.TryGetValue(r, out var k)) { slot[r] = k = groups.Count; groups.Add(([], [])); }
            if (i < hs.Count) groups[k].H.Add(hs[i]); else groups[k].V.Add(vs[i - hs.Count]);
        }
        var result = new List<RulingComponent>(groups.Count);
        foreach (var g in groups) result.Add(new RulingComponent(g.H, g.V));
        return result;
    }

    private static int LowerBound(double[] a, double v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi) { var m = (lo + hi) / 2; if (a[m] < v) lo = m + 1; else hi = m; }
        return lo;
    }
}

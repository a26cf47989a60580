namespace Extractor.Tables.Geometry;

/// <summary>One-dimensional grouping of nearly equal coordinates.</summary>
public static class Clusters
{
    /// <summary>
    /// Sorted values chained while each is within <paramref name="tolerance"/> of the previous; each
    /// group is represented by its mean. Chaining (not a fixed window) keeps a line drawn in slightly
    /// different places by adjacent cells as one.
    /// </summary>
    public static List<double> Means(IEnumerable<double> values, double tolerance)
    {
        var sorted = StableOrder.By(new List<double>(values), v => v);
        var result = new List<double>();
        var i = 0;
        while (i < sorted.Count)
        {
            double sum = sorted[i];
            var n = 1;
            while (i + n < sorted.Count && sorted[i + n] - sorted[i + n - 1] <= tolerance) { sum += sorted[i + n]; n++; }
            result.Add(sum / n);
            i += n;
        }
        return result;
    }

    /// <summary>Index of the value in sorted <paramref name="means"/> nearest to <paramref name="v"/> within tolerance, or -1.</summary>
    public static int Nearest(IReadOnlyList<double> means, double v, double tolerance)
    {
        var lo = 0;
        var hi = means.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (means[mid] < v) lo = mid + 1; else hi = mid;
        }
        var best = -1;
        var bestD = double.MaxValue;
        for (var k = Math.Max(0, lo - 1); k <= Math.Min(means.Count - 1, lo + 1); k++)
        {
            var d = Math.Abs(means[k] - v);
            if (d < bestD) { bestD = d; best = k; }
        }
        return bestD <= tolerance ? best : -1;
    }
}

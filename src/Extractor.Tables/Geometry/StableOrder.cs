namespace Extractor.Tables.Geometry;

/// <summary>
/// What <c>OrderBy(key).ToList()</c> gives (ascending, ties in input order), without LINQ's sorter: over our structs
/// and double keys no ReadyToRun image holds it, so every short process JIT-compiled it and ran it unoptimised.
/// </summary>
public static class StableOrder
{
    public static List<T> By<T>(IReadOnlyList<T> items, Func<T, double> key, bool descending = false)
    {
        var keys = new double[items.Count];
        var order = new int[items.Count];
        for (var i = 0; i < order.Length; i++) (order[i], keys[i]) = (i, key(items[i]));
        Array.Sort(order, (a, b) =>
        {
            var c = descending ? keys[b].CompareTo(keys[a]) : keys[a].CompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var result = new List<T>(order.Length);
        foreach (var i in order) result.Add(items[i]);
        return result;
    }
}

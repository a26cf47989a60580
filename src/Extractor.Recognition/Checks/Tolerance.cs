using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// SCHEMA §5 tolerance: 0.01 for sums of figures printed with two decimals; half a unit of the last
/// printed digit for each figure printed with fewer; ±0.01 per summand when the document says its
/// figures were rounded (因四舍五入可能存在尾数误差).
/// </summary>
public static class Tolerance
{
    public static decimal ForSum(decimal total, IReadOnlyCollection<decimal> summands, bool roundingNoted)
    {
        var t = 0.01m;
        // A printed zero carries no rounding, whatever its digits.
        var coarse = summands.Append(total).Where(v => v != 0 && AmountParser.Decimals(v) < 2).Sum(AmountParser.HalfUnit);
        t = Math.Max(t, coarse);
        if (roundingNoted) t = Math.Max(t, 0.01m * summands.Count);
        return t;
    }

    /// <summary>Two printed figures of the same thing: the coarser one's rounding, at least 0.01.</summary>
    public static decimal ForPair(decimal a, decimal b) => Math.Max(0.01m, Math.Max(AmountParser.HalfUnit(a), AmountParser.HalfUnit(b)));

    public static bool Within(decimal expected, decimal actual, decimal tolerance) => Math.Abs(expected - actual) <= tolerance;
}

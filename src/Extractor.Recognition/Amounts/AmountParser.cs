using System.Globalization;
using System.Text.RegularExpressions;

namespace Extractor.Recognition.Amounts;

/// <summary>
/// Reads one printed amount. Keeps the printed scale (decimal keeps "4.90" as two decimals) because the
/// 勾稽 tolerance depends on how many digits were printed. Text was normalised by the reader (NFKC folds
/// full-width digits), so only separators, signs and zero marks are left to handle here.
/// </summary>
public static partial class AmountParser
{
    /// <summary>The value of a cell, or null when it is blank or not an amount (a name, a percentage with words…).</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Replace(" ", "").Replace(",", "").Replace("，", "").Trim();
        if (IsNilMark(t)) return 0m;
        var negative = false;
        if (t.Length > 2 && t[0] is '(' && t[^1] is ')') { negative = true; t = t[1..^1]; }
        if (!AmountPattern().IsMatch(t)) return null;
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            return null;
        return negative ? -v : v;
    }

    public static bool IsAmount(string? text) => Parse(text) is not null;

    /// <summary>A dash printed for an amount: nil, read as 0 (an amount column's convention).</summary>
    public static bool IsNilMark(string? text) =>
        text?.Replace(" ", "").Trim() is "-" or "—" or "--" or "——" or "－" or "―" or "-";

    /// <summary>Digits printed after the decimal point (0 for whole numbers).</summary>
    public static int Decimals(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// <summary>Half a unit of the last printed digit: the rounding a printed figure may carry.</summary>
    public static decimal HalfUnit(decimal value) => 0.5m / Pow10(Decimals(value));

    private static decimal Pow10(int n) { var p = 1m; for (var i = 0; i < n; i++) p *= 10; return p; }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)$")]
    private static partial Regex AmountPattern();
}

using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Recognition.Amounts;

/// <summary>The money units tables declare (金额单位：元/万元/亿元) and the conversion to 万元 that facts use.</summary>
public static partial class MoneyUnit
{
    public const string Yuan = "元";
    public const string Wan = "万元";
    public const string Yi = "亿元";

    /// <summary>The unit a caption or header line declares, or null.</summary>
    public static string? Declared(string line)
    {
        var m = UnitPattern().Match(TextNormalizer.Compact(line));
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>A value in <paramref name="unit"/> expressed in 万元 (SCHEMA §1: facts are always in 万元).</summary>
    public static decimal ToWan(decimal value, string? unit) => unit switch
    {
        Yuan => value / 10000m,
        Yi => value * 10000m,
        _ => value,
    };

    /// <summary>How many decimal places a cent takes in the unit (元 2, 万元 6, 亿元 10); null for no money unit.</summary>
    public static int? CentDecimals(string? unit) => unit switch
    {
        Yuan => 2,
        Wan => 6,
        Yi => 10,
        _ => null,
    };

    [GeneratedRegex(@"单位[:：]?[(（]?(万元|亿元|元)")]
    private static partial Regex UnitPattern();
}

using System.Text.RegularExpressions;

namespace Extractor.Recognition.Rows;

/// <summary>
/// Splits a 科目 code from its name where they are printed in one cell ("2010101 行政运行",
/// "2010101行政运行") and gives a code its level (3 digits 类 → 1, 5 款 → 2, 7 项 → 3).
/// </summary>
public static partial class CodeLabel
{
    public static (string? Code, string Label) Split(string text)
    {
        var m = Glued().Match(text.Trim());
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : (null, text.Trim());
    }

    public static int? Level(string? code) => code?.Length switch { 3 => 1, 5 => 2, 7 => 3, _ => null };

    /// <summary>类/款/项 printed in separate columns: "201 | 06 | 01" is 2010601; a blank part ends the code.</summary>
    public static string? Join(IEnumerable<string> parts)
    {
        var digits = new List<string>();
        foreach (var p in parts.Select(p => p.Trim()))
        {
            if (p.Length == 0) break;
            if (!p.All(char.IsAsciiDigit)) return null;
            digits.Add(p);
        }
        var code = string.Concat(digits);
        return code.Length is 3 or 5 or 7 ? code : null;
    }

    /// <summary>
    /// A 款 or 项 row that prints only its own part ("  | 11 |  " under 201): the 类 (and 款) come from the code above,
    /// since the hierarchy is printed in order. Parts must have the standard widths (3, 2, 2 digits).
    /// </summary>
    public static string? Complete(IReadOnlyList<string> parts, string? previous)
    {
        var lead = 0;
        while (lead < parts.Count && parts[lead].Trim().Length == 0) lead++;
        if (lead == 0 || lead > 2 || previous is null) return null;
        var prefix = lead == 1 ? 3 : 5;
        if (previous.Length < prefix) return null;
        var own = parts.Skip(lead).Select(p => p.Trim()).TakeWhile(p => p.Length > 0).ToList();
        if (own.Count == 0 || own.Any(p => p.Length != 2 || !p.All(char.IsAsciiDigit))) return null;
        var code = previous[..prefix] + string.Concat(own);
        return code.Length is 5 or 7 ? code : null;
    }

    [GeneratedRegex(@"^(\d{7}|\d{5}|\d{3})\s*([^\d.．、,，%_].*)$")]
    private static partial Regex Glued();
}

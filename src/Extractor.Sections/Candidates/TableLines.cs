using System.Text.RegularExpressions;

namespace Extractor.Sections.Candidates;

/// <summary>
/// Tells table rows from prose. Budget tables repeat heading-like labels (一、一般公共服务支出) in their
/// first column; what gives them away is the amounts on the same line or in the cells around them.
/// </summary>
public static partial class TableLines
{
    [GeneratedRegex(@"^[-+]?[\d,]*\.?\d+%?$")]
    private static partial Regex NumberOnlyRx();

    // An amount: a decimal, a thousands-grouped number, or a number with a money/percent unit.
    // Years (2024年) and single digits in titles are not amounts.
    [GeneratedRegex(@"\d+\.\d+|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％)")]
    private static partial Regex AmountRx();

    [GeneratedRegex(@"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d.,]|[年月日号个家人名辆项类款次%])")]
    private static partial Regex CellNumberRx();

    public static bool IsNumberOnly(string compact) => compact.Length > 0 && NumberOnlyRx().IsMatch(compact);

    public static int AmountCount(string text) => AmountRx().Matches(text).Count;

    /// <summary>True when the line carries numbers as cells (several number words) or sits among number-only lines.</summary>
    public static bool IsTableLine(IReadOnlyList<DocLine> lines, int i)
    {
        var line = lines[i];
        if (line.InRuledTable) return true;
        // Cells: several free-standing numbers on the line (a year split by the PDF, "201 7年", is not one).
        if (line.Source is not null)
        {
            var cells = CellNumberRx().Matches(line.Compact).Select(m => m.Value).ToList();
            if (cells.Count >= 3 || (cells.Count == 2 && cells.Any(c => c.Contains('.') || c.Contains(',')))) return true;
        }
        // Text dumps of tables put one cell per line: a label followed by its amounts.
        var numbersAround = 0;
        for (int j = Math.Max(0, i - 3); j <= Math.Min(lines.Count - 1, i + 3); j++)
            if (j != i && lines[j].Page == line.Page && IsNumberOnly(lines[j].Compact)) numbersAround++;
        return numbersAround >= 2;
    }
}

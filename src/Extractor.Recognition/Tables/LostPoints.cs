using System.Text.RegularExpressions;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Tables;

/// <summary>
/// OCR drops the decimal point of small print (262.33 read as 26233). In a column whose amounts are
/// printed with two decimals, a bare run of three or more digits is such a reading, and gets its point
/// back before the last two digits. Code and 行次 columns hold no decimals, so they are never touched.
/// </summary>
public static partial class LostPoints
{
    private const int MinEvidence = 3; // amounts with two decimals in the column before any is trusted

    public static List<RawRow> Restore(List<RawRow> rows, int bodyStart)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
        var fix = new bool[width];
        for (var c = 0; c < width; c++)
        {
            var texts = rows.Skip(bodyStart).Select(r => c < r.Cells.Count && !r.Cells[c].IsCovered ? TextNormalizer.Compact(r.Cells[c].Text) : "").ToList();
            var decimals = texts.Count(t => TwoDecimals().IsMatch(t));
            var bare = texts.Count(t => Bare().IsMatch(t));
            fix[c] = bare > 0 && decimals >= MinEvidence && decimals >= 3 * bare;
        }
        return rows.Select((r, i) => i < bodyStart ? r : r with
        {
            Cells = r.Cells.Select((cell, c) => fix[c] && !cell.IsCovered && Bare().IsMatch(TextNormalizer.Compact(cell.Text))
                ? cell with { Text = TextNormalizer.Compact(cell.Text)[..^2] + "." + TextNormalizer.Compact(cell.Text)[^2..] } : cell).ToList(),
        }).ToList();
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")]
    private static partial Regex TwoDecimals();

    [GeneratedRegex(@"^\d{3,}$")]
    private static partial Regex Bare();
}

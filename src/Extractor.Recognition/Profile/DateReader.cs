using System.Text.RegularExpressions;
using Extractor.Core.Report;

namespace Extractor.Recognition.Profile;

/// <summary>A full date printed on the cover (2018年2月24日, 二〇二五年九月三十日), not before the fiscal year.</summary>
internal static partial class DateReader
{
    [GeneratedRegex(@"(?<y>(19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex FullDate();

    public static (string Date, Evidence Evidence)? Read(IReadOnlyList<PrintedLine> cover, int? fiscalYear)
    {
        foreach (var line in cover)
        {
            var m = FullDate().Match(ChineseNumerals.YearsToDigits(line.Text));
            if (!m.Success) continue;
            int y = int.Parse(m.Groups["y"].Value), mo = int.Parse(m.Groups["m"].Value), d = int.Parse(m.Groups["d"].Value);
            if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) continue;
            if (fiscalYear is { } fy && (y < fy - 1 || y > fy + 2)) continue;
            return ($"{y:0000}-{mo:00}-{d:00}", new Evidence(line.Text, line.Page));
        }
        return null;
    }
}

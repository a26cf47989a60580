using System.Globalization;
using System.Text;
using Extractor.Core.Text;

namespace Extractor.Tables.Text;

/// <summary>
/// Hebrew and Arabic come out of a PDF in visual order: words placed by geometry read left to right, so a
/// right-to-left phrase is reversed. A subset of UAX #9 for one line turns it back into logical order: runs
/// of strong right-to-left letters and of left-to-right text (Latin, digits), neutrals taking the direction
/// of the runs around them or else the line's; a line mostly right-to-left is reversed as a whole with its
/// left-to-right runs kept, otherwise only its right-to-left runs are. Reversal keeps a combining mark with
/// its letter and mirrors brackets. Lines without right-to-left letters are returned unchanged.
/// </summary>
public static class Bidi
{
    private enum Dir { L, R, N }

    public static string ToLogical(string line)
    {
        if (!line.Any(IsRtl)) return line;
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        var rtlBase = line.Count(IsRtl) >= line.Count(c => char.IsLetter(c) && !IsRtl(c));
        var dirs = elements.Select(Classify).ToArray();
        // Neutrals between two runs of one direction take it; elsewhere they take the line's.
        for (var i = 0; i < dirs.Length; i++)
        {
            if (dirs[i] != Dir.N) continue;
            var j = i;
            while (j < dirs.Length && dirs[j] == Dir.N) j++;
            var before = i > 0 ? dirs[i - 1] : Base(rtlBase);
            var after = j < dirs.Length ? dirs[j] : Base(rtlBase);
            var resolved = before == after ? before : Base(rtlBase);
            for (var k = i; k < j; k++) dirs[k] = resolved;
            i = j - 1;
        }
        var runs = new List<(Dir Dir, List<string> Elements)>();
        for (var i = 0; i < elements.Count; i++)
        {
            if (runs.Count == 0 || runs[^1].Dir != dirs[i]) runs.Add((dirs[i], []));
            runs[^1].Elements.Add(elements[i]);
        }
        if (rtlBase) runs.Reverse();
        var sb = new StringBuilder(line.Length);
        foreach (var (dir, run) in runs)
        {
            if (dir == Dir.R)
                for (var k = run.Count - 1; k >= 0; k--) sb.Append(Mirror(run[k]));
            else
                foreach (var s in run) sb.Append(s);
        }
        return sb.ToString();
    }

    private static Dir Base(bool rtl) => rtl ? Dir.R : Dir.L;

    private static Dir Classify(string element)
    {
        var c = element[0];
        if (IsRtl(c)) return Dir.R;
        return char.IsLetterOrDigit(c) ? Dir.L : Dir.N;
    }

    private static bool IsRtl(char c) => TextNormalizer.IsRightToLeft(c);

    private static string Mirror(string s) => s switch
    {
        "(" => ")", ")" => "(", "[" => "]", "]" => "[", "{" => "}", "}" => "{", "<" => ">", ">" => "<",
        _ => s,
    };
}

using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Office.Docx;

/// <summary>
/// Renders Word's automatic numbering ("一、", "（二）", "1.", "①") the way Word prints it, so a heading
/// numbered by a list definition reads the same as one typed by hand. Counters run per list instance
/// (numId); a level restarts when a shallower level advances.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, AbstractNum> _abstracts = new();
    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides, Dictionary<int, Level> LevelOverrides)> _nums = new();
    private readonly Dictionary<int, int[]> _counters = new();

    public DocxNumbering(NumberingDefinitionsPart? part)
    {
        var numbering = part?.Numbering;
        if (numbering is null) return;
        foreach (var a in numbering.Elements<AbstractNum>())
            if (a.AbstractNumberId?.Value is { } id) _abstracts[id] = a;
        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            if (n.NumberID?.Value is not { } id || n.AbstractNumId?.Val?.Value is not { } aid) continue;
            var starts = new Dictionary<int, int>();
            var levels = new Dictionary<int, Level>();
            foreach (var o in n.Elements<LevelOverride>())
            {
                if (o.LevelIndex?.Value is not { } li) continue;
                if (o.StartOverrideNumberingValue?.Val?.Value is { } s) starts[li] = s;
                if (o.Level is { } l) levels[li] = l;
            }
            _nums[id] = (aid, starts, levels);
        }
    }

    /// <summary>The printed number of the next item of list <paramref name="numId"/> at <paramref name="ilvl"/>; null when none is printed.</summary>
    public string? Next(int numId, int ilvl)
    {
        if (numId == 0 || !_nums.TryGetValue(numId, out var num) || ilvl is < 0 or > 8) return null;
        if (!_abstracts.TryGetValue(num.AbstractId, out var abs)) return null;
        var level = LevelOf(num, abs, ilvl);
        if (level is null) return null;
        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++) counters[i] = int.MinValue;
            _counters[numId] = counters;
        }
        counters[ilvl] = counters[ilvl] == int.MinValue ? StartOf(num, abs, ilvl) : counters[ilvl] + 1;
        for (var deeper = ilvl + 1; deeper < 9; deeper++) counters[deeper] = int.MinValue;

        var format = level.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return null;
        var text = level.LevelText?.Val?.Value;
        if (string.IsNullOrEmpty(text)) return null;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                var k = text[i + 1] - '1';
                i++;
                if (k < 0 || k > ilvl) continue;
                var value = counters[k] == int.MinValue ? StartOf(num, abs, k) : counters[k];
                var kLevel = LevelOf(num, abs, k);
                sb.Append(Format(value, kLevel?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal));
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static Level? LevelOf((int AbstractId, Dictionary<int, int> StartOverrides, Dictionary<int, Level> LevelOverrides) num, AbstractNum abs, int ilvl) =>
        num.LevelOverrides.TryGetValue(ilvl, out var o) ? o : abs.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == ilvl);

    private static int StartOf((int AbstractId, Dictionary<int, int> StartOverrides, Dictionary<int, Level> LevelOverrides) num, AbstractNum abs, int ilvl) =>
        num.StartOverrides.TryGetValue(ilvl, out var s) ? s : LevelOf(num, abs, ilvl)?.StartNumberingValue?.Val?.Value ?? 1;

    public static string Format(int n, NumberFormatValues format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.ChineseLegalSimplified || format == NumberFormatValues.IdeographLegalTraditional)
            return Chinese(n);
        if (format == NumberFormatValues.IdeographDigital) return string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => "〇一二三四五六七八九"[c - '0']));
        if (format == NumberFormatValues.IdeographTraditional) return n is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            return n is >= 1 and <= 20 ? ((char)('①' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.DecimalEnclosedParen) return "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
        if (format == NumberFormatValues.DecimalZero) return n.ToString("00", CultureInfo.InvariantCulture);
        if (format == NumberFormatValues.UpperLetter) return Letters(n).ToUpperInvariant();
        if (format == NumberFormatValues.LowerLetter) return Letters(n);
        if (format == NumberFormatValues.UpperRoman) return Roman(n);
        if (format == NumberFormatValues.LowerRoman) return Roman(n).ToLowerInvariant();
        return n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>一 … 十, 十一 … 十九, 二十 … 九十九, then digits.</summary>
    public static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n is < 0 or > 99) return n.ToString(CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }

    private static string Letters(int n)
    {
        if (n < 1) return n.ToString(CultureInfo.InvariantCulture);
        var letter = (char)('a' + (n - 1) % 26);
        return new string(letter, (n - 1) / 26 + 1);
    }

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString(CultureInfo.InvariantCulture);
        (int V, string S)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (v, s) in table) while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }
}

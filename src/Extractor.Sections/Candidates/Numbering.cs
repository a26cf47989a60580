using System.Text.RegularExpressions;

namespace Extractor.Sections.Candidates;

/// <summary>
/// The numbering styles of Chinese official documents (党政机关公文格式 GB/T 9704 prescribes
/// 一、 → (一) → 1. → (1) as the level order); 第X部分 sits above them in budget reports.
/// </summary>
public enum NumberingStyle
{
    None,
    /// <summary>第一部分 / 第1部分.</summary>
    Part,
    /// <summary>一、 二、.</summary>
    ChineseComma,
    /// <summary>(一) — full-width parentheses arrive as ASCII after NFKC.</summary>
    ChineseParen,
    /// <summary>1. 1、 1.(not 1.5).</summary>
    ArabicDot,
    /// <summary>(1).</summary>
    ArabicParen,
    /// <summary>① ②.</summary>
    Circled,
}

/// <summary>The number in front of a line: its style, its ordinal value and the title after it.</summary>
public sealed record Numbered(NumberingStyle Style, int Ordinal, string Prefix, string Title)
{
    public static readonly Numbered Unnumbered = new(NumberingStyle.None, 0, "", "");
}

/// <summary>Parses the leading number of a (normalised) line.</summary>
public static partial class Numbering
{
    private const string Cn = "零一二三四五六七八九十百两";

    [GeneratedRegex(@"^\s*第\s*([零一二三四五六七八九十百两]{1,4}|\d{1,2})\s*部\s*分\s*[:、.]?\s*")]
    private static partial Regex PartRx();

    // OCR sets a gap inside a two-glyph numeral ("十 一、"): one space between its glyphs is allowed.
    [GeneratedRegex(@"^\s*([零一二三四五六七八九十百两](?: ?[零一二三四五六七八九十百两]){0,3})\s*[、.,]\s*")]
    private static partial Regex ChineseCommaRx();

    [GeneratedRegex(@"^\s*[(]\s*([零一二三四五六七八九十百两]{1,4})\s*[)]\s*[、.]?\s*")]
    private static partial Regex ChineseParenRx();

    /// <summary>OCR's readings of (一)/(二): "(—)", "(-)", "(=)", "C=)". No text layer prints a heading so.</summary>
    [GeneratedRegex(@"^\s*[(C]\s*([—\-=])\s*[)]\s*[、.]?\s*")]
    private static partial Regex OcrParenRx();

    // "1." must not be the start of a decimal such as "1.5万元" or a date "2026.1".
    [GeneratedRegex(@"^\s*(\d{1,2})\s*(?:[、]|[.](?!\d))\s*")]
    private static partial Regex ArabicDotRx();

    [GeneratedRegex(@"^\s*[(]\s*(\d{1,2})\s*[)]\s*[、.]?\s*")]
    private static partial Regex ArabicParenRx();

    [GeneratedRegex(@"^\s*([\u2460-\u2473])\s*")]
    private static partial Regex CircledRx();

    public static Numbered Parse(string line)
    {
        Match m;
        if ((m = PartRx().Match(line)).Success) return Make(NumberingStyle.Part, ParseNumber(m.Groups[1].Value), m, line);
        if ((m = ChineseParenRx().Match(line)).Success) return Make(NumberingStyle.ChineseParen, ParseNumber(m.Groups[1].Value), m, line);
        if ((m = OcrParenRx().Match(line)).Success) return Make(NumberingStyle.ChineseParen, m.Groups[1].Value == "=" ? 2 : 1, m, line);
        if ((m = ArabicParenRx().Match(line)).Success) return Make(NumberingStyle.ArabicParen, ParseNumber(m.Groups[1].Value), m, line);
        if ((m = ChineseCommaRx().Match(line)).Success) return Make(NumberingStyle.ChineseComma, ParseNumber(m.Groups[1].Value), m, line);
        if ((m = ArabicDotRx().Match(line)).Success) return Make(NumberingStyle.ArabicDot, ParseNumber(m.Groups[1].Value), m, line);
        if ((m = CircledRx().Match(line)).Success) return Make(NumberingStyle.Circled, m.Groups[1].Value[0] - '\u2460' + 1, m, line);
        return Numbered.Unnumbered with { Title = line.Trim() };
    }

    private static Numbered Make(NumberingStyle style, int ordinal, Match m, string line) =>
        new(style, ordinal, line[..(m.Index + m.Length)].Trim(), line[(m.Index + m.Length)..].Trim());

    /// <summary>Chinese (一 … 九十九, 两) or Arabic numerals; 0 when unreadable.</summary>
    public static int ParseNumber(string s)
    {
        s = s.Replace(" ", "");
        if (int.TryParse(s, out var n)) return n;
        int total = 0, digit = 0;
        foreach (var ch in s)
        {
            var v = ch switch { '零' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1 };
            if (v >= 0) { digit = v; continue; }
            if (ch == '十') { total += (digit == 0 ? 1 : digit) * 10; digit = 0; }
            else if (ch == '百') { total += (digit == 0 ? 1 : digit) * 100; digit = 0; }
            else if (!Cn.Contains(ch)) return 0;
        }
        return total + digit;
    }
}

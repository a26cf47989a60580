using System.Text.RegularExpressions;

namespace Extractor.Recognition.Profile;

/// <summary>Years and dates written in Chinese digits (二零二五年九月三十日) turned into Arabic digits.</summary>
internal static partial class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    [GeneratedRegex("[零一二三四五六七八九]{4}(?=年)")]
    private static partial Regex ChineseYear();

    [GeneratedRegex("(?<=年)(十[一二]?|[一二三四五六七八九])(?=月)|(?<=月)([一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])(?=日)")]
    private static partial Regex ChineseMonthOrDay();

    public static string YearsToDigits(string text)
    {
        text = ChineseYear().Replace(text, m => string.Concat(m.Value.Select(c => (char)('0' + Digits.IndexOf(c)))));
        return ChineseMonthOrDay().Replace(text, m => SmallNumber(m.Value).ToString());
    }

    private static int SmallNumber(string s)
    {
        var ten = s.IndexOf('十');
        if (ten < 0) return Digits.IndexOf(s[0]);
        var tens = ten == 0 ? 1 : Digits.IndexOf(s[0]);
        var units = ten == s.Length - 1 ? 0 : Digits.IndexOf(s[^1]);
        return tens * 10 + units;
    }
}

using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// The one way a project's printed name is made comparable across a report: its performance form, its project
/// expenditure table and the text that describes it print the same project with a code before it (Beijing's
/// 11000022T0000004602, Hunan's 单位编码), a list number (1. / (1) / 16- / 一、), quotes or 《》 around it, or
/// 项目 after it. Those are taken off; what is left must be equal for two lines to be the same project — no
/// likeness, no part of a name.
/// </summary>
public static partial class ProjectNames
{
    public static string Key(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return string.Empty;
        var s = TextNormalizer.Compact(printed); // readers have normalised it (TextNormalizer) already
        s = Code().Replace(s, string.Empty);
        s = Ordinal().Replace(s, string.Empty);
        s = Quotes().Replace(s, string.Empty);
        s = Suffix().Replace(s, string.Empty);
        return s;
    }

    /// <summary>Whether a printed name begins with a project code (a name of its own, not the rest of one cut in two).</summary>
    public static bool HasCode(string? printed) => printed is not null && Code().IsMatch(TextNormalizer.Compact(printed)) && printed.Any(char.IsDigit);

    /// <summary>A project code: six or more letters and digits before the name (and the list number glued to it).</summary>
    [GeneratedRegex(@"^[0-9A-Za-z]{6,}[-_.、]?")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(?:[(（]\d{1,3}[)）]|\d{1,3}[-_.、．)）]|[(（]?[一二三四五六七八九十]{1,3}[)）、])")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"[“”""'‘’《》「」]")]
    private static partial Regex Quotes();

    [GeneratedRegex(@"项目$")]
    private static partial Regex Suffix();
}

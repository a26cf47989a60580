using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Office;

/// <summary>
/// Title, 公开NN表, 部门 and 单位 lines: printed above a table or as its first rows. The same test the text
/// reader applies, so Word and Excel tables get the caption the canonical mapping expects.
/// </summary>
internal static partial class Captions
{
    public static bool IsCaptionText(string text) => CaptionPattern().IsMatch(TextNormalizer.Compact(text));

    /// <summary>A row whose non-empty cells (at most three) all read like caption text.</summary>
    public static bool IsCaptionRow(IReadOnlyList<string> cells)
    {
        var texts = cells.Where(c => c.Length > 0).Distinct().ToList();
        return texts.Count is >= 1 and <= 3 && texts.All(IsCaptionText);
    }

    /// <summary>Short lines just above a table that may be its caption: short, not prose.</summary>
    public static bool MayBeCaptionLine(string text) => TextNormalizer.Compact(text).Length <= 60 && !text.EndsWith('。');

    [GeneratedRegex(@"表$|表[(（]|公开\d+表|^附[件表]|单位[:：]|部门[:：]|^编制|^\d{4}年.*表")]
    private static partial Regex CaptionPattern();
}

using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Office;

/// <summary>
/// Title, 公开NN表, 部门 and 单位 lines: printed above a table or as its first rows. The one definition of caption
/// text (<see cref="TableCaption"/>), so Word and Excel tables get the caption the canonical mapping expects.
/// </summary>
internal static class Captions
{
    public static bool IsCaptionText(string text) => TableCaption.IsCaptionText(text);

    /// <summary>A row whose non-empty cells (at most three) all read like caption text.</summary>
    public static bool IsCaptionRow(IReadOnlyList<string> cells) => TableCaption.IsCaptionRow(cells, 3);

    /// <summary>Short lines just above a table that may be its caption: short, not prose.</summary>
    public static bool MayBeCaptionLine(string text) => TextNormalizer.Compact(text).Length <= 60 && !text.EndsWith('。');
}

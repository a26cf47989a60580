using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Core.Tables;

/// <summary>
/// What a table's caption is, decided in one place: which printed lines are caption text (title, 公开NN表 label,
/// 部门:/单位: fields, money unit) and which caption line is the table's title. The readers that lift captions
/// from their format (the PDF caption reader in Extractor.Tables, Word, Excel, text and web markup) and the
/// recognition stage that names tables all ask here.
/// </summary>
public static partial class TableCaption
{
    /// <summary>A line that may stand above a table or as its first rows: a title, a label, a field or a unit line.</summary>
    public static bool IsCaptionText(string text)
    {
        var c = TextNormalizer.Compact(text);
        return CaptionPattern().IsMatch(c) || NumberedTitle().IsMatch(c);
    }

    /// <summary>A row whose non-empty cells (at most <paramref name="maxCells"/>) all read like caption text.</summary>
    public static bool IsCaptionRow(IReadOnlyList<string> cells, int maxCells = 3)
    {
        var texts = cells.Where(c => c.Length > 0).Distinct().ToList();
        return texts.Count >= 1 && texts.Count <= maxCells && texts.All(IsCaptionText);
    }

    /// <summary>
    /// The caption line naming the table, nearest the table first: a line shaped like a title (…表, …表(续), 表3 …),
    /// not the 公开NN表 label or a field or unit line; a wide title wrapped with only its last glyphs on the second
    /// line ("…支出预算" / "表") is joined.
    /// </summary>
    public static string? Title(IReadOnlyList<string> caption)
    {
        for (var i = caption.Count - 1; i >= 0; i--)
        {
            var c = TextNormalizer.Compact(caption[i]);
            if (IsLabel(c) || !NamesTable(c)) continue;
            if (c.Length <= 3 && i > 0 && TextNormalizer.Compact(caption[i - 1]) is { Length: > 0 } before && !IsLabel(before) && !NamesTable(before))
                return TextNormalizer.Join(caption[i - 1].Trim(), caption[i].Trim());
            return caption[i].Trim();
        }
        return null;
    }

    /// <summary>Shaped like a table's title: ends in 表 (maybe with a bracketed note or a number), or opens 表3 / 附表1.</summary>
    public static bool NamesTable(string text)
    {
        var c = TextNormalizer.Compact(text);
        return TitleShape().IsMatch(c) || NumberedTitle().IsMatch(c);
    }

    /// <summary>The 公开NN表 label, a 部门:/单位:/编制单位 field or a money-unit line: caption text that is not the title.</summary>
    public static bool IsLabel(string text)
    {
        var c = TextNormalizer.Compact(text);
        return PublicNumber().IsMatch(c) && c.Length <= 8
               || c.StartsWith("部门:") || c.StartsWith("单位:") || c.StartsWith("编制单位") || c.Contains("单位:万元") || c.Contains("单位:元");
    }

    /// <summary>公开01表 … 公开09表: the number of a standard final-account table (null when the line has none).</summary>
    public static int? PublicTableNumber(string text)
    {
        var m = PublicNumber().Match(TextNormalizer.Compact(text));
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    // The union of what Word, Excel, text and web tables were found to print above or atop their tables.
    [GeneratedRegex(@"表$|表[(（]|表续$|公开\d+表|^(附表|公开|预算公开|决算公开)\d+|^附[件表]|单位[:：]|部门[:：]|^编制|^\d{4}年.*表|^\d+-?\d*[、.]?.*表|单位(万元|元|亿元)")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"公开(\d{1,2})表")]
    private static partial Regex PublicNumber();

    [GeneratedRegex(@"表$|表[(（][^)）]*[)）]$|表\d*$")]
    private static partial Regex TitleShape();

    // "表4 各类建筑垃圾再生产品及应用工程部位", "附表1 …": a numbered caption names its table whatever its last word.
    [GeneratedRegex(@"^附?表\d{1,2}[\u4E00-\u9FFF“(]")]
    private static partial Regex NumberedTitle();
}

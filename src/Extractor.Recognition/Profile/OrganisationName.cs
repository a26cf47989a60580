using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>What a government body's name looks like: Chinese text ending in an organ's suffix (局, 委员会, 办公室…).</summary>
internal static partial class OrganisationName
{
    [GeneratedRegex(@"(局|厅|部|委|院|会|办|办公室|中心|大学|学院|学校|所|站|队|馆|处|署|政府|办事处|法院|检察院|协会|联合会|研究会|公司|集团|医院)$")]
    private static partial Regex Suffix();

    /// <summary>Ends like the name of an organ.</summary>
    public static bool HasSuffix(string name) => Suffix().IsMatch(name);

    /// <summary>
    /// A line that is nothing but an organisation's name (a letterhead XX市财政局文件, an issuer, a cover's author
    /// line): Chinese only, 4 to 30 characters, ending like an organ; null otherwise. Issuers printed on one line
    /// (XX市商务局XX市财政局) give the first: a second name starts where the place of the first is repeated.
    /// </summary>
    public static string? FirstOf(string line)
    {
        var name = TextNormalizer.Compact(line).Trim('|', '_', '-', '—', ':', '·', '.');
        if (name.EndsWith("文件")) name = name[..^2];
        if (name.Length is < 4 or > 30 || !name.All(c => c is >= '\u4E00' and <= '\u9FFF' or '(' or ')')) return null;
        if (!HasSuffix(name)) return null;
        var place = name[..2];
        for (var end = 4; end <= name.Length - 4; end++)
            if (HasSuffix(name[..end]) && name.AsSpan(end).StartsWith(place)) return name[..end];
        return name;
    }
}

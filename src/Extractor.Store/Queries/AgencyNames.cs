using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Store.Queries;

/// <summary>
/// One agency's name as different documents print it: "中共上海市普陀区委社会工作部" and "上海市普陀区委社会工作部（本级）"
/// are the same agency, a year apart. Compare finds an agency's previous year by this form; the stored name is
/// never changed.
/// </summary>
public static partial class AgencyNames
{
    public static string Normalise(string name)
    {
        var n = TextNormalizer.Compact(TextNormalizer.Normalize(name));
        n = ScopeNote().Replace(n, "");
        n = n.Trim('“', '”', '"', '\'', '·', '-', '—', '_', ':');
        if (n.StartsWith("中国共产党", StringComparison.Ordinal)) n = n[5..];
        else if (n.StartsWith("中共", StringComparison.Ordinal)) n = n[2..];
        return n;
    }

    /// <summary>Notes on how much of the agency the figures cover, not part of its name.</summary>
    [GeneratedRegex(@"[(\[【](本级|汇总|部门汇总|单位汇总|部门|单位|机关|本部|含下属单位|合并)[)\]】]|(本级|汇总)$")]
    private static partial Regex ScopeNote();
}

using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Checks;

/// <summary>What every check needs: the tables by id, whether figures were declared rounded, row lookups.</summary>
public sealed class CheckContext(IReadOnlyList<ReportTable> tables, bool roundingNoted)
{
    public IReadOnlyList<ReportTable> Tables => tables;
    public bool RoundingNoted => roundingNoted;

    public ReportTable? Table(params string[] ids) => tables.FirstOrDefault(t => ids.Contains(t.Id));

    /// <summary>"t01" for final.t01_…, "budget.t01" for budget.t01_…, the id itself for x_ tables.</summary>
    public static string RulePrefix(string id)
    {
        var parts = id.Split('.', 2);
        if (parts.Length < 2 || parts[1].StartsWith("x_")) return id;
        var shortId = parts[1].Split('_')[0];
        return parts[0] == "final" ? shortId : parts[0] + "." + shortId;
    }

    public static string Label(ReportRow r) => TextNormalizer.Compact(r.Label);

    /// <summary>A row's label without its ordinal ("一、", "1.") so 总计 and 一、总计 compare equal.</summary>
    public static string Bare(ReportRow r) => CellKinds.StripOrdinal(r.Label);

    public static ReportRow? Find(ReportTable? t, string? side, params string[] labels) =>
        t?.Rows.FirstOrDefault(r => (side is null || r.Side == side) && labels.Contains(Bare(r)));

    public static ReportRow? TotalRow(ReportTable? t) =>
        t?.Rows.FirstOrDefault(r => r.Code is null && Bare(r) is "合计" or "总计")
        ?? t?.Rows.FirstOrDefault(r => r.Code is null && r.Label.Length == 0 && r.Values.Count > 0);

    public static decimal? First(ReportRow? r) => r is null || r.Values.Count == 0 ? null : r.Values.First().Value;

    public static decimal? Column(ReportRow? r, Func<string, bool> name) =>
        r?.Values.Where(kv => name(TextNormalizer.Compact(kv.Key))).Select(kv => (decimal?)kv.Value).FirstOrDefault();

    public static Provenance? Evidence(ReportTable t, ReportRow? r) =>
        r is null ? null : new Provenance { Kind = "table", Table = t.Id, Page = r.Provenance?.Page ?? t.PageStart, Bbox = r.Provenance?.Bbox };

    public static bool IsChineseOrdinal(ReportRow r)
    {
        var l = Label(r);
        var i = 0;
        while (i < l.Length && "一二三四五六七八九十".Contains(l[i])) i++;
        return i > 0 && i < l.Length && l[i] is '、' or '.' or '．';
    }
}

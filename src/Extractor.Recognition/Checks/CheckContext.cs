using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Checks;

/// <summary>
/// What every check needs: the tables by id, whether figures were declared rounded, and rows and figures read
/// through their roles (<see cref="TableMeaning"/>) — no check matches row or column text of its own.
/// </summary>
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

    public static string Label(ReportRow r) => Core.Text.TextNormalizer.Compact(r.Label);

    public static ReportRow? Row(ReportTable? t, string role, string? side = null) => t is null ? null : TableMeaning.Row(t, role, side);

    /// <summary>The row's own figure (<see cref="TableMeaning.Amount"/>).</summary>
    public static decimal? Amount(ReportTable? t, ReportRow? r) => t is null ? null : TableMeaning.Amount(t, r)?.Value;

    /// <summary>The row's figure for a measure (<see cref="TableMeaning.Measure"/>).</summary>
    public static decimal? Measure(ReportTable? t, ReportRow? r, string measure) => t is null ? null : TableMeaning.Measure(t, r, measure)?.Value;

    public static Provenance? Evidence(ReportTable t, ReportRow? r) =>
        r is null ? null : new Provenance { Kind = "table", Table = t.Id, Page = r.Provenance?.Page ?? t.PageStart, Bbox = r.Provenance?.Bbox };

    /// <summary>"一、…" items: the top level of a side of a summary table (sub-items "1.…" are parts of them).</summary>
    public static bool IsChineseOrdinal(ReportRow r)
    {
        var l = Label(r);
        var i = 0;
        while (i < l.Length && "一二三四五六七八九十".Contains(l[i])) i++;
        return i > 0 && i < l.Length && l[i] is '、' or '.' or '．';
    }

    /// <summary>Columns whose figures add up over rows (amounts, totals and their 其中 parts; not rates, counts or prices).</summary>
    public static bool SumsOverRows(ReportTable t, string column) =>
        TableMeaning.Role(t, column).Kind is ColumnKinds.Amount or ColumnKinds.Total or ColumnKinds.Subset or ColumnKinds.Change;
}

using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Within a row, a 合计/小计 column equals the columns it heads: 本年支出合计 = 基本 + 项目 + 上缴 + 经营 + 补助,
/// 本年支出/小计 = 基本 + 项目, 预算数/合计 = 出国 + 公务用车 + 接待 and 公务用车/小计 = 购置 + 运行 (t07). Columns
/// are grouped by their header path; "其中" columns are parts of a sibling, not summands.
/// </summary>
public static class RowTotalChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => !TableIds.IsTwoSided(t.Id) && !TableIds.IsGrouped(t.Id)))
        {
            var paths = t.Columns.ToDictionary(c => c, Path);
            foreach (var (parent, total, parts) in Groups(paths))
            {
                var rule = $"{RulePrefix(t.Id)}.row_total_equals_columns";
                foreach (var row in t.Rows)
                {
                    if (!row.Values.TryGetValue(total, out var printed)) continue;
                    var values = parts.Select(c => row.Values.TryGetValue(c, out var v) ? v : (decimal?)null).OfType<decimal>().ToList();
                    if (values.Count == 0) continue;
                    checks.Compare(rule, values.Sum(), printed, Tolerance.ForSum(printed, values, ctx.RoundingNoted),
                        $"{t.Id} {row.Code ?? row.Label}: [{total}] vs Σ [{string.Join(", ", parts)}]", Evidence(t, row));
                }
            }
        }
    }

    /// <summary>A header path with 预算数/决算数 leaves moved to the front (合计/预算数 reads as 预算数/合计).</summary>
    private static string[] Path(string column)
    {
        var parts = TextNormalizer.Compact(column).Split('/');
        if (parts.Length > 1 && parts[^1] is "预算数" or "决算数" or "预算" or "决算")
            parts = [parts[^1], .. parts[..^1]];
        return parts;
    }

    private static IEnumerable<(string Parent, string Total, List<string> Parts)> Groups(Dictionary<string, string[]> paths)
    {
        var byParent = paths.GroupBy(kv => string.Join("/", kv.Value[..^1]));
        foreach (var g in byParent)
        {
            var members = g.ToList();
            var totals = members.Where(m => IsTotal(m.Value[^1])).ToList();
            if (totals.Count != 1) continue;
            var total = totals[0].Key;
            var parts = members.Where(m => m.Key != total && !m.Value[^1].StartsWith("其中")).Select(m => m.Key).ToList();
            // A nested group (公务用车购置及运行费/小计 …, 事业收入/金额 + 其中…) counts once: its total, else its first column.
            var depth = members[0].Value.Length;
            var prefix = g.Key.Length == 0 ? "" : g.Key + "/";
            var nestedGroups = paths.Where(kv => kv.Value.Length == depth + 1 && string.Join("/", kv.Value).StartsWith(prefix))
                .GroupBy(kv => kv.Value[depth - 1]);
            foreach (var nested in nestedGroups)
            {
                var pick = nested.FirstOrDefault(kv => IsTotal(kv.Value[^1]));
                if (pick.Key is null) pick = nested.FirstOrDefault(kv => !kv.Value[^1].StartsWith("其中"));
                if (pick.Key is not null) parts.Add(pick.Key);
            }
            if (parts.Count >= 2) yield return (g.Key, total, parts);
        }
    }

    private static bool IsTotal(string name) => name is "合计" or "小计" or "总计" || name.StartsWith("本年") && name.EndsWith("合计");
}

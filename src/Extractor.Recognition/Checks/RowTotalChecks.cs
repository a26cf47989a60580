using Extractor.Core.Report;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using static Extractor.Recognition.Checks.CheckContext;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Within a row, a total column equals the columns it heads: 本年支出合计 = 基本 + 项目 + 上缴 + 经营 + 补助,
/// 本年支出/小计 = 基本 + 项目, 预算数/合计 = 出国 + 公务用车 + 接待 and 公务用车/小计 = 购置 + 运行. The summands are
/// the total's siblings under the same header, by their roles: a sibling group counts once, by its own total,
/// or by all of its amounts when it prints none; 其中/扣除…后 parts, changes, rates, counts, prices and other
/// years' columns are never summands.
/// </summary>
public static class RowTotalChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => !TableIds.IsTwoSided(t.Id) && !TableIds.IsGrouped(t.Id) && !TableFamilies.Includes("forms", t.Id)))
        {
            var root = Node.Build(t);
            foreach (var (total, members) in root.Totals(t))
            {
                var rule = $"{RulePrefix(t.Id)}.row_total_equals_columns";
                foreach (var row in t.Rows)
                {
                    if (!row.Values.TryGetValue(total, out var printed)) continue;
                    // Each member by its own total where the row prints it, else by its parts (an empty 小计 cell).
                    var parts = members.Select(m => m.FirstOrDefault(alternative => alternative.All(row.Values.ContainsKey)) ?? m[^1]).SelectMany(c => c).ToList();
                    var values = parts.Select(c => row.Values.TryGetValue(c, out var v) ? v : (decimal?)null).OfType<decimal>().ToList();
                    if (values.Count == 0) continue;
                    checks.Compare(rule, values.Sum(), printed, Tolerance.ForSum(printed, values, ctx.RoundingNoted),
                        $"{t.Id} {row.Code ?? row.Label}: [{total}] vs Σ [{string.Join(", ", parts)}]", Evidence(t, row));
                }
            }
        }
    }

    /// <summary>The header as a tree: a node per header cell, its leaves the table's columns.</summary>
    private sealed class Node
    {
        public readonly Dictionary<string, Node> Children = [];
        public readonly List<string> Order = [];
        public string? Column; // the column this node heads alone (a leaf)

        public static Node Build(ReportTable t)
        {
            var root = new Node();
            foreach (var column in t.Columns)
            {
                var node = root;
                foreach (var part in Path(column))
                {
                    if (!node.Children.TryGetValue(part, out var child)) { node.Children[part] = child = new Node(); node.Order.Add(part); }
                    node = child;
                }
                node.Column ??= column;
            }
            return root;
        }

        /// <summary>
        /// Every group with exactly one total column among its direct members, with what each other member adds to it:
        /// a list of alternatives, each a set of columns (the member's own total first, then its parts).
        /// </summary>
        public IEnumerable<(string Total, List<List<List<string>>> Members)> Totals(ReportTable t)
        {
            var members = Order.Select(k => Children[k]).ToList();
            var totals = members.Where(m => m.Column is { } c && Role(t, c).Kind == ColumnKinds.Total).ToList();
            if (totals.Count == 1)
            {
                var total = totals[0].Column!;
                var role = Role(t, total);
                var parts = members.Where(m => m != totals[0]).Select(m => m.Summands(t, role)).Where(a => a.Count > 0).ToList();
                if (parts.Sum(a => a[^1].Count) >= 2) yield return (total, parts);
            }
            foreach (var m in members)
                foreach (var x in m.Totals(t)) yield return x;
        }

        /// <summary>What this member adds to its parent's total: its own total, or else all of its addable columns.</summary>
        private List<List<string>> Summands(ReportTable t, ColumnMeaning total)
        {
            if (Column is { } c) return Comparable(Role(t, c), total) ? [[c]] : [];
            var leaves = Order.SelectMany(k => Children[k].Leaves(t, total)).ToList();
            var own = Order.Select(k => Children[k]).FirstOrDefault(m => m.Column is { } x && Role(t, x).Kind == ColumnKinds.Total);
            if (own is null) return leaves.Count > 0 ? [leaves] : [];
            if (!Comparable(Role(t, own.Column!), total)) return [];
            var parts = leaves.Where(l => l != own.Column).ToList();
            return parts.Count > 0 ? [[own.Column!], parts] : [[own.Column!]];
        }

        /// <summary>The addable columns under this node, by their own totals where nested groups print one.</summary>
        private IEnumerable<string> Leaves(ReportTable t, ColumnMeaning total)
        {
            var s = Summands(t, total);
            return s.Count == 0 ? [] : s[0];
        }

        private static bool Comparable(ColumnMeaning part, ColumnMeaning total) =>
            ColumnKinds.IsAddable(part.Kind) && part.Period == total.Period && (part.Basis is null || total.Basis is null || part.Basis == total.Basis);
    }

    private static ColumnMeaning Role(ReportTable t, string column) => TableMeaning.Role(t, column);

    /// <summary>A header path with 预算数/决算数 leaves moved to the front (合计/预算数 reads as 预算数/合计).</summary>
    private static string[] Path(string column)
    {
        var parts = Core.Text.TextNormalizer.Compact(column).Split('/');
        if (parts.Length > 1 && ColumnMeanings.IsValueWord(Lexicon.Key(parts[^1])))
            parts = [parts[^1], .. parts[..^1]];
        return parts;
    }
}

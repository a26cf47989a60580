using Extractor.Core.Report;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Meaning;
using F = Extractor.Recognition.Meaning.PerformanceFields;

namespace Extractor.Recognition.Checks;

/// <summary>
/// The performance forms' own arithmetic (绩效目标表, 绩效自评表), read through the fields their columns are
/// (<see cref="PerformanceFields"/>): 年度资金总额 = 财政拨款 + 上年结转 + 其他资金 (under each figure the form prints:
/// 全年预算数, 全年执行数…); 执行率 = 全年执行数 / 全年预算数 within 0.1 percentage point; an indicator's 得分 ≤ 分值; the
/// 总分 line's 得分 and 分值 = the sums of the lines above it. A rate printed without both figures it is computed from
/// is insufficient_data, never a guess.
/// </summary>
public static class PerformanceFormChecks
{
    public static void Run(CheckContext ctx, CheckBuilder checks)
    {
        foreach (var t in ctx.Tables.Where(t => TableFamilies.IsForm(t.Id)))
        {
            foreach (var row in t.Rows.Where(r => r.Is(F.ProjectRow)))
            {
                Funds(t, row, ctx.RoundingNoted, checks);
                Rate(t, row, checks);
            }
            Scores(t, checks);
        }
    }

    private static void Funds(ReportTable t, ReportRow row, bool rounding, CheckBuilder checks)
    {
        // Two totals side by side (the project's whole 项目资金总额 and the year's 年度资金申请总额, each with its sources on the
        // same lines): the reader names each source after the total it is printed under (项目资金总额/财政资金); a source
        // it could not place leaves which total it belongs to unsaid.
        if (row.Values.Keys.Count(k => F.Segments(k).Length == 1 && F.Of(k) == F.FundsTotal) > 1
            && row.Values.Keys.Any(k => F.Segments(k).Length == 1 && F.Of(k) is F.FundsFiscal or F.FundsCarryover or F.FundsOther))
        {
            checks.Missing("perf.funds_total_equals_sources", CheckStatus.InsufficientData,
                $"{t.Id} p{row.Provenance?.Page} {Name(row)}: two 资金总额 printed side by side, their sources on the same lines");
            return;
        }
        var byHeading = new Dictionary<string, (decimal? Total, List<(string Column, decimal Value)> Parts)>();
        // 一般公共预算 | 政府性基金 | 财政专户 are the parts of 财政拨款: sources of their own only where no 财政拨款 is printed.
        var fiscal = row.Values.Keys.Any(k => F.Parts(k).Figure == F.FundsFiscal);
        const string byPurpose = "按支出性质分";
        foreach (var (column, value) in row.Values)
        {
            var segments = F.Segments(column);
            var (source, figure) = F.Parts(column);
            string heading;
            bool total;
            if (segments.Length == 1 && figure is F.FundsTotal) (heading, total) = ("", true);
            else if (segments.Length == 1 && (figure is F.FundsFiscal or F.FundsCarryover or F.FundsOther || F.IsBySource(figure) && !fiscal)) (heading, total) = ("", false);
            else if (segments.Length == 1 && F.IsByPurpose(figure)) (heading, total) = (byPurpose, false);
            else if (segments.Length == 1 && figure is F.BudgetYear or F.Expenditure or F.BudgetInitial) (heading, total) = (column, true);
            else if (segments.Length == 2 && F.IsByPurpose(figure) && source is F.FundsFiscal or F.FundsCarryover or F.FundsOther) (heading, total) = (segments[0] + "/" + byPurpose, false);
            else if (segments.Length == 2 && source is F.FundsTotal && figure is F.FundsFiscal or F.FundsCarryover or F.FundsOther) (heading, total) = (segments[0], false);
            else if (segments.Length == 2 && source is F.FundsTotal && F.IsMoney(figure)) (heading, total) = (segments[1], true);
            else if (segments.Length == 2 && source is F.FundsFiscal or F.FundsCarryover or F.FundsOther && F.IsMoney(F.Of(segments[1]))) (heading, total) = (segments[1], false);
            else continue;
            var entry = byHeading.GetValueOrDefault(heading, (null, []));
            if (total) entry.Total ??= value; else entry.Parts.Add((column, value));
            byHeading[heading] = entry;
        }
        // A source printed under one of two totals side by side (项目资金总额/财政资金) adds up to that total.
        foreach (var heading in byHeading.Keys.Where(k => k.Length > 0 && F.Of(k) == F.FundsTotal && row.Values.ContainsKey(k)).ToList())
            byHeading[heading] = (row.Values[heading], byHeading[heading].Parts);
        // 基本支出 + 项目支出 add up to the same 资金总额.
        if (byHeading.TryGetValue(byPurpose, out var purposes) && byHeading.TryGetValue("", out var whole))
            byHeading[byPurpose] = (whole.Total, purposes.Parts);
        // …and a source's 基本支出 + 项目支出 (财政拨款/基本支出 + 财政拨款/项目支出) add up to that source's 合计.
        foreach (var heading in byHeading.Keys.Where(k => k.EndsWith("/" + byPurpose)).ToList())
            if (row.Values.TryGetValue(heading.Split('/')[0], out var sourceTotal))
                byHeading[heading] = (sourceTotal, byHeading[heading].Parts);
        foreach (var (heading, (total, parts)) in byHeading)
        {
            if (total is not { } sum || parts.Count == 0) continue;
            var added = parts.Sum(p => p.Value);
            var totalName = heading.Length > 0 && F.Of(heading) == F.FundsTotal ? heading : heading.Length > 0 ? $"年度资金总额 ({heading})" : "年度资金总额";
            checks.Compare("perf.funds_total_equals_sources", sum, added, Tolerance.ForSum(sum, parts.Select(p => p.Value).ToList(), rounding),
                $"{t.Id} p{row.Provenance?.Page} {Name(row)}: {totalName} {sum} vs Σ sources {string.Join(" + ", parts.Select(p => $"{p.Column} {p.Value}"))} = {added}",
                CheckContext.Evidence(t, row));
        }
    }

    /// <summary>执行率 = 全年执行数 / 全年预算数 for the project's money as a whole (its 年度资金总额 line, or no source named).</summary>
    private static void Rate(ReportTable t, ReportRow row, CheckBuilder checks)
    {
        decimal? Figure(string field) => row.Values.Where(kv => F.Parts(kv.Key) is var p && p.Figure == field && p.Source is null or F.FundsTotal)
            .Select(kv => (decimal?)kv.Value).FirstOrDefault();
        if (Figure(F.Rate) is not { } rate) return;
        var budget = Figure(F.BudgetYear);
        var spent = Figure(F.Expenditure);
        if (budget is not { } b || spent is not { } s || b == 0)
        {
            checks.Missing("perf.execution_rate", CheckStatus.InsufficientData,
                $"{t.Id} p{row.Provenance?.Page} {Name(row)}: 执行率 {rate}% printed without both 全年预算数 and 全年执行数 (or a 全年预算数 of 0)");
            return;
        }
        var computed = Math.Round(s / b * 100, 2);
        checks.Compare("perf.execution_rate", computed, rate, Math.Max(0.1m, AmountParser.HalfUnit(rate)),
            $"{t.Id} p{row.Provenance?.Page} {Name(row)}: 执行率 printed {rate}%, 全年执行数 {s} / 全年预算数 {b} = {computed}%",
            CheckContext.Evidence(t, row));
    }

    /// <summary>
    /// Each indicator's 得分 ≤ its 分值; at a 总分/合计 line, its 得分 (分值) = the sum of the scores (weights) printed
    /// since the form's project began, the execution rate's own score included.
    /// </summary>
    private static void Scores(ReportTable t, CheckBuilder checks)
    {
        var scores = new List<decimal>();
        var weights = new List<decimal>();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            var weight = Field(row, F.Weight);
            var score = Field(row, F.Score);
            if (row.Is(F.ProjectRow)) { scores.Clear(); weights.Clear(); }
            if (row.Is(F.TotalRow))
            {
                if (score is { } total && scores.Count > 0)
                    checks.Compare("perf.score_total", total, scores.Sum(), Points(total, scores),
                        $"{t.Id} p{row.Provenance?.Page}: {row.Label} 得分 {total} vs Σ 得分 of its lines {scores.Sum()}", CheckContext.Evidence(t, row));
                if (weight is { } all && weights.Count > 0)
                    checks.Compare("perf.weight_total", all, weights.Sum(), Points(all, weights),
                        $"{t.Id} p{row.Provenance?.Page}: {row.Label} 分值 {all} vs Σ 分值 of its lines {weights.Sum()}", CheckContext.Evidence(t, row));
                scores.Clear(); weights.Clear();
                continue;
            }
            if (score is { } sc) scores.Add(sc);
            if (weight is { } w) weights.Add(w);
            if (row.Is(F.IndicatorRow) && weight is { } wt && score is { } got)
            {
                var (shared, sharers) = got > wt ? Shared(t.Rows, i, wt) : (wt, 1);
                checks.AtMost("perf.score_within_weight", shared, got, sharers > 1
                    ? $"{t.Id} p{row.Provenance?.Page} {Name(row)}: 得分 {got}, printed once for {sharers} indicators, vs their 分值 {shared}"
                    : $"{t.Id} p{row.Provenance?.Page} {Name(row)}: 得分 {got} vs 分值 {wt}", CheckContext.Evidence(t, row));
            }
        }
    }

    /// <summary>
    /// A 得分 cell merged over several indicators (one score for 经济/社会/生态效益 together) is printed once, on one
    /// of their lines, and the others print none: the score is of them all, and its bound is the sum of their 分值.
    /// The indicators sharing it are the ones next to it, under the same 二级指标, with a 分值 and no 得分.
    /// </summary>
    private static (decimal Weight, int Count) Shared(IReadOnlyList<ReportRow> rows, int at, decimal weight)
    {
        var group = rows[at].Texts?.Where(kv => F.Of(kv.Key) == F.Level2).Select(kv => kv.Value).FirstOrDefault();
        var count = 1;
        foreach (var step in new[] { -1, 1 })
            for (var j = at + step; j >= 0 && j < rows.Count; j += step)
            {
                var other = rows[j];
                if (!other.Is(F.IndicatorRow) || Field(other, F.Score) is not null || Field(other, F.Weight) is not { } w) break;
                if (other.Texts?.Where(kv => F.Of(kv.Key) == F.Level2).Select(kv => kv.Value).FirstOrDefault() != group) break;
                weight += w;
                count++;
            }
        return (weight, count);
    }

    /// <summary>
    /// Points are given, not rounded from a longer figure: a sum of them is off by at most the rounding of the coarsest
    /// one printed (a total printed whole over scores with decimals), never by half a point per line.
    /// </summary>
    private static decimal Points(decimal total, IEnumerable<decimal> parts) =>
        Math.Max(0.01m, parts.Append(total).Where(v => v != 0 && AmountParser.Decimals(v) > 0).Select(AmountParser.HalfUnit).DefaultIfEmpty(0).Max());

    private static decimal? Field(ReportRow row, string field) =>
        row.Values.Where(kv => F.Parts(kv.Key).Figure == field).Select(kv => (decimal?)kv.Value).FirstOrDefault();

    private static string Name(ReportRow row) => row.Label.Length > 30 ? row.Label[..30] + "…" : row.Label;
}

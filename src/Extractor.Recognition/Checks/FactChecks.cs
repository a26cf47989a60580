using Extractor.Core.Report;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Facts;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Identities between facts, whatever their source: 三公 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行
/// (决算数 and 预算数), 政府采购总额 = 货物 + 工程 + 服务, and — where the text itself breaks 基本支出 down —
/// 基本支出 = 人员经费 + 公用经费. Then text vs table: each figure the text states for a key the tables print.
/// </summary>
public static class FactChecks
{
    public static void Run(IReadOnlyList<Fact> facts, IReadOnlyList<TextStatement> statements, bool roundingNoted, CheckBuilder checks)
    {
        foreach (var suffix in new[] { "", FactKeys.BudgetSuffix })
        {
            Sum(facts, "three_public.total_equals_parts" + suffix, FactKeys.ThreePublicTotal + suffix,
                [FactKeys.Overseas + suffix, FactKeys.Vehicles + suffix, FactKeys.Reception + suffix], roundingNoted, checks);
            Sum(facts, "three_public.vehicles_equals_purchase_plus_operation" + suffix, FactKeys.Vehicles + suffix,
                [FactKeys.VehiclePurchase + suffix, FactKeys.VehicleOperation + suffix], roundingNoted, checks);
        }
        Sum(facts, "procurement.total_equals_parts", FactKeys.ProcurementTotal,
            [FactKeys.ProcurementGoods, FactKeys.ProcurementWorks, FactKeys.ProcurementServices], roundingNoted, checks);
        BasicBreakdown(statements, roundingNoted, checks);

        foreach (var s in statements.GroupBy(s => s.Key).Select(g => g.First()))
        {
            var fact = facts.FirstOrDefault(f => f.Key == s.Key && f.Provenance.Kind == "table");
            if (fact is null) continue;
            var printed = decimal.Parse(s.Printed.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            // Tolerance in 万元: the rounding of the coarser of the two printed figures.
            var tol = Math.Max(MoneyUnit.ToWan(AmountParser.HalfUnit(printed), s.PrintedUnit ?? MoneyUnit.Wan),
                Math.Max(0.005m, MoneyUnit.ToWan(AmountParser.HalfUnit(decimal.Parse(fact.Provenance.Printed ?? "0", System.Globalization.CultureInfo.InvariantCulture)), fact.Provenance.PrintedUnit)));
            tol = Math.Max(tol, 0.01m);
            checks.Compare("text_vs_table." + s.Key, fact.Value, s.Value, tol, $"text p{s.Page} states {s.Printed}{s.PrintedUnit} for {s.Key}; table {fact.Provenance.Table} prints {fact.Provenance.Printed}",
                fact.Provenance, new Provenance { Kind = "text", Page = s.Page, Bbox = s.Bbox, Printed = s.Printed });
        }
    }

    /// <summary>
    /// "支出…其中基本支出865.18万元…其中:人员支出722.64万元…日常公用支出143.54万元": where the text breaks its
    /// 基本支出 down into 人员经费 and 公用经费 within a few sentences, the parts must add up.
    /// </summary>
    private static void BasicBreakdown(IReadOnlyList<TextStatement> statements, bool roundingNoted, CheckBuilder checks)
    {
        const int Near = 200;
        foreach (var basic in statements.Where(s => s.Key == FactKeys.ExpenditureBasic))
        {
            var personnel = statements.FirstOrDefault(s => s.Key == FactKeys.Personnel && s.Offset > basic.Offset && s.Offset - basic.Offset < Near);
            var pub = statements.FirstOrDefault(s => s.Key == FactKeys.Public && s.Offset > basic.Offset && s.Offset - basic.Offset < Near);
            if (personnel is null || pub is null) continue;
            decimal[] parts = [personnel.Value, pub.Value];
            checks.Compare("text.basic_equals_personnel_plus_public", parts.Sum(), basic.Value, Tolerance.ForSum(basic.Value, parts, roundingNoted),
                $"text p{basic.Page}: 基本支出 {basic.Printed} vs 人员经费 {personnel.Printed} + 公用经费 {pub.Printed}",
                new Provenance { Kind = "text", Page = basic.Page, Bbox = basic.Bbox, Printed = basic.Printed });
            return;
        }
    }

    private static void Sum(IReadOnlyList<Fact> facts, string rule, string totalKey, string[] partKeys, bool roundingNoted, CheckBuilder checks)
    {
        var total = facts.FirstOrDefault(f => f.Key == totalKey);
        var parts = partKeys.Select(k => facts.FirstOrDefault(f => f.Key == k)).ToList();
        if (total is null || parts.Any(p => p is null)) { checks.Missing(rule, CheckStatus.InsufficientData, "not every figure is printed"); return; }
        var values = parts.Select(p => p!.Value).ToList();
        var tol = Tolerance.ForSum(total.Value, values, roundingNoted);
        checks.Compare(rule, values.Sum(), total.Value, tol, $"{totalKey} vs Σ {string.Join(" + ", partKeys)}",
            [total.Provenance, .. parts.Select(p => p!.Provenance)]);
    }
}

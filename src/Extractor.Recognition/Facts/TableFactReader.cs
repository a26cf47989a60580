using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Facts;

/// <summary>
/// Headline facts read from the canonical tables (SCHEMA §4 says tables come first): totals from t01,
/// 财政拨款 from t02/t04, 基本/项目 from t03/t05, 人员/公用经费 from t06, 三公 from t07 — and their
/// budget counterparts. Values are converted to 万元; provenance keeps the printed figure and unit.
/// </summary>
public static partial class TableFactReader
{
    public static List<Fact> Read(IReadOnlyList<ReportTable> tables, int? fiscalYear = null)
    {
        var facts = new List<Fact>();
        void Add(string key, ReportTable t, ReportRow? row, decimal? value)
        {
            if (row is null || value is null || facts.Any(f => f.Key == key)) return;
            var percent = key == FactKeys.PerfExecutionRate;
            facts.Add(new Fact
            {
                Key = key,
                Value = percent ? value.Value : MoneyUnit.ToWan(value.Value, t.Unit),
                Unit = percent ? "%" : MoneyUnit.Wan,
                Provenance = new Provenance
                {
                    Kind = "table", Table = t.Id, Page = row.Provenance?.Page ?? t.PageStart, Bbox = row.Provenance?.Bbox, Path = row.Provenance?.Path,
                    Printed = value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), PrintedUnit = t.Unit,
                },
            });
        }

        foreach (var t in tables)
        {
            switch (t.Id)
            {
                case TableIds.FinalSummary or TableIds.BudgetSummary:
                    ReadSummary(t, Add);
                    break;
                case TableIds.FinalIncome or TableIds.BudgetRevenue:
                    var inTotal = TotalRow(t);
                    Add(FactKeys.IncomeFiscal, t, inTotal, Column(inTotal, c => c.StartsWith("财政拨款")));
                    Add(FactKeys.IncomeTotal, t, inTotal, Column(inTotal, c => c.Contains("合计")));
                    break;
                case TableIds.FinalExpenditure or TableIds.BudgetExpenditure or TableIds.FinalGeneralBudget or TableIds.BudgetGeneralFunctional:
                    var exTotal = TotalRow(t);
                    Add(FactKeys.ExpenditureBasic, t, exTotal, Column(exTotal, c => c.EndsWith("基本支出")));
                    Add(FactKeys.ExpenditureProject, t, exTotal, Column(exTotal, c => c.EndsWith("项目支出") || c.EndsWith("项目支出/小计")));
                    break;
                case TableIds.FinalFiscalSummary or TableIds.BudgetFiscalSummary:
                    var general4 = RowWhere(t, "income", l => Strip(l).StartsWith("一般公共预算"));
                    Add(FactKeys.IncomeGeneralBudget, t, general4, First(general4));
                    var fiscalTotal = Row(t, "income", "本年收入合计", "收入合计");
                    Add(FactKeys.IncomeFiscal, t, fiscalTotal, First(fiscalTotal));
                    break;
                case TableIds.FinalGeneralBudgetBasic:
                    var personnel = RowWhere(t, null, l => l is "人员经费合计" or "人员经费");
                    Add(FactKeys.Personnel, t, personnel, First(personnel));
                    var pub = RowWhere(t, null, l => l is "公用经费合计" or "公用经费");
                    Add(FactKeys.Public, t, pub, First(pub));
                    break;
                case TableIds.BudgetGeneralBasicEconomic:
                    var econTotal = TotalRow(t);
                    Add(FactKeys.Personnel, t, econTotal, Column(econTotal, c => c.Contains("人员经费")));
                    Add(FactKeys.Public, t, econTotal, Column(econTotal, c => c.Contains("公用经费")));
                    break;
                case TableIds.FinalThreePublic or TableIds.BudgetThreePublic:
                    ReadThreePublic(t, fiscalYear, Add);
                    break;
                case "perf.x_project_expenditure":
                    // The 合计 line of a self-evaluation's project table is the report's own funds, spending and rate.
                    var perf = TotalRow(t);
                    Add(FactKeys.PerfFunds, t, perf, Column(perf, c => c.Contains("到位")) ?? Column(perf, c => c.Contains("批复") || c.Contains("预算数") || c.Contains("可用")));
                    Add(FactKeys.PerfExpenditure, t, perf, Column(perf, c => (c.Contains("执行") || c.Contains("支出")) && !c.Contains('率')));
                    Add(FactKeys.PerfExecutionRate, t, perf, Column(perf, c => c.Contains("执行率")));
                    break;
                case "budget.x_operating_costs":
                    var op = TotalRow(t);
                    Add(FactKeys.OperatingCosts, t, op, First(op));
                    break;
                case "budget.x_procurement":
                    var all = TotalRow(t);
                    Add(FactKeys.ProcurementTotal, t, all, Last(all));
                    foreach (var (key, word) in new[] { (FactKeys.ProcurementGoods, "货物"), (FactKeys.ProcurementWorks, "工程"), (FactKeys.ProcurementServices, "服务") })
                    {
                        var part = t.Rows.FirstOrDefault(r => r.Code is null && CellKinds.StartsWithOrdinal(r.Label) && Strip(r.Label).StartsWith(word));
                        Add(key, t, part, Last(part));
                    }
                    break;
            }
        }
        return facts;
    }

    /// <summary>
    /// 收支总表: 本年收入合计 (Jiangsu: 当年收入小计) is income.total and 总计 (Jiangsu: 收入合计 under a 小计) the grand
    /// total; where a side prints only its 总计 and no 结转/结余 line, the 总计 is also that side's total.
    /// </summary>
    private static void ReadSummary(ReportTable t, Action<string, ReportTable, ReportRow?, decimal?> add)
    {
        foreach (var (side, totalKey, word) in new[] { ("income", FactKeys.IncomeTotal, "收入"), ("expenditure", FactKeys.ExpenditureTotal, "支出") })
        {
            var subtotal = Row(t, side, $"本年{word}合计", $"当年{word}小计", $"本年{word}小计", $"本年{word}");
            // Under a 本年合计 line, a later "合计" is the grand total (西南大学: 本年收入合计 … 合计).
            var grand = Row(t, side, "总计", $"{word}总计") ?? (subtotal is not null ? Row(t, side, $"{word}合计", "合计") : null);
            subtotal ??= Row(t, side, $"{word}合计");
            var carries = t.Rows.Any(r => (r.Side is null || r.Side == side) && (Strip(r.Label).Contains("结转") || Strip(r.Label).Contains("结余")) && r.Values.Values.Any(v => v != 0));
            if (subtotal is null && grand is not null && !carries) subtotal = grand;
            add(totalKey, t, subtotal, First(subtotal));
            if (side == "income") add(FactKeys.GrandTotal, t, grand, First(grand));
        }
        add(FactKeys.CarryoverOpening, t, Row(t, "income", "年初结转和结余", "上年结转和结余", "上年结转", "上年结转资金"), First(Row(t, "income", "年初结转和结余", "上年结转和结余", "上年结转", "上年结转资金")));
        add(FactKeys.CarryoverClosing, t, Row(t, "expenditure", "年末结转和结余", "结转下年", "结转下年资金"), First(Row(t, "expenditure", "年末结转和结余", "结转下年", "结转下年资金")));
        var fiscal = RowWhere(t, "income", l => Strip(l) is "财政拨款" or "财政拨款收入");
        add(FactKeys.IncomeFiscal, t, fiscal, First(fiscal));
        var general = RowWhere(t, "income", l => Strip(l) is "一般公共预算" or "一般公共预算拨款" or "一般公共预算财政拨款" or "一般公共预算拨款收入" or "一般公共预算财政拨款收入");
        add(FactKeys.IncomeGeneralBudget, t, general, First(general));
        var basic = RowWhere(t, "expenditure", l => Strip(l) == "基本支出");
        add(FactKeys.ExpenditureBasic, t, basic, First(basic));
        var project = RowWhere(t, "expenditure", l => Strip(l) == "项目支出");
        add(FactKeys.ExpenditureProject, t, project, First(project));
    }

    /// <summary>三公 columns by name: 预算数/决算数 decide the suffix in a final account; a budget's figures are its own.</summary>
    private static void ReadThreePublic(ReportTable t, int? fiscalYear, Action<string, ReportTable, ReportRow?, decimal?> add)
    {
        var row = t.Rows.FirstOrDefault(r => r.Values.Count > 0 && (r.Label.Length == 0 || CellKinds.IsTotalLabel(r.Label)))
                  ?? t.Rows.FirstOrDefault(r => r.Values.Count > 0);
        if (row is null) return;
        var final = t.Id == TableIds.FinalThreePublic;
        // Jiangsu prints 合计 over 三公 + 会议费 + 培训费: the 三公 total is then the one under "三公".
        var grouped = row.Values.Keys.Any(k => k.Contains("三公"));
        foreach (var (column, value) in row.Values)
        {
            var c = TextNormalizer.Compact(column);
            if (!IsThisYear(c, fiscalYear, row.Values.Keys)) continue;
            if (c.Contains("机关运行经费")) { add(FactKeys.OperatingCosts, t, row, value); continue; }
            if (c.Contains("会议费") || c.Contains("培训费")) continue;
            var suffix = !final ? string.Empty
                : c.Contains("预算") && !c.Contains("决算") ? FactKeys.BudgetSuffix
                : c.Contains("决算") ? string.Empty : null;
            if (suffix is null) continue;
            if (grouped && !c.Contains("三公")) continue;
            var key = ThreePublicKey(c);
            if (key is not null) add(key + suffix, t, row, value);
        }
    }

    /// <summary>
    /// Tables comparing years (2018年 | 2019年 | 增减变化) hold other years' figures too: only the fiscal
    /// year's columns (or, the year unknown, the latest) give this document's facts; changes never do.
    /// </summary>
    private static bool IsThisYear(string column, int? fiscalYear, IEnumerable<string> all)
    {
        if (column.Contains("增减") || column.Contains("变化") || column.Contains("上年") || column.Contains("比较")) return false;
        var m = YearPattern().Match(column);
        if (!m.Success) return true;
        var year = int.Parse(m.Groups[1].Value);
        if (fiscalYear is not null) return year == fiscalYear;
        var latest = all.Select(k => YearPattern().Match(TextNormalizer.Compact(k))).Where(x => x.Success).Max(x => int.Parse(x.Groups[1].Value));
        return year == latest;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(20\d\d)年")]
    private static partial System.Text.RegularExpressions.Regex YearPattern();

    private static string? ThreePublicKey(string c)
    {
        // Shanghai prints 预算数/决算数 under each item (合计/预算数): the item is the part above.
        var parts = c.Split('/').Where(p => p is not ("预算数" or "决算数" or "预算" or "决算")).ToArray();
        if (parts.Length == 0) return null;
        c = string.Join("/", parts);
        var last = parts[^1];
        if (c.Contains("因公出国")) return FactKeys.Overseas;
        if (last.Contains("购置及运行") || last.Contains("购置和运行")) return FactKeys.Vehicles;
        if (c.Contains("接待")) return FactKeys.Reception;
        if (last.Contains("购置")) return FactKeys.VehiclePurchase;
        if (last.Contains("运行")) return FactKeys.VehicleOperation;
        if (c.Contains("公务用车")) return last is "小计" or "合计" || last.Contains("购置及运行") ? FactKeys.Vehicles : null;
        if (last is "合计" or "小计" or "三公经费" or "“三公”经费") return FactKeys.ThreePublicTotal;
        return null;
    }

    private static string Strip(string label) => CellKinds.StripOrdinal(label);

    private static ReportRow? Row(ReportTable t, string? side, params string[] labels) =>
        RowWhere(t, side, l => labels.Contains(Strip(l)));

    private static ReportRow? RowWhere(ReportTable t, string? side, Func<string, bool> label) =>
        t.Rows.FirstOrDefault(r => (side is null || r.Side is null || r.Side == side) && label(TextNormalizer.Compact(r.Label)) && r.Values.Count > 0)
        ?? t.Rows.FirstOrDefault(r => (side is null || r.Side is null || r.Side == side) && label(TextNormalizer.Compact(r.Label)));

    private static ReportRow? TotalRow(ReportTable t) =>
        t.Rows.FirstOrDefault(r => r.Code is null && TextNormalizer.Compact(r.Label) is "合计" or "总计" or "合计数" or "本年支出合计" or "本年收入合计")
        ?? t.Rows.FirstOrDefault(r => r.Code is null && r.Label.Length == 0 && r.Values.Count > 0);

    private static decimal? Last(ReportRow? row) => row is null || row.Values.Count == 0 ? null : row.Values.Last().Value;

    private static decimal? First(ReportRow? row) => row is null || row.Values.Count == 0 ? null : row.Values.First().Value;

    private static decimal? Column(ReportRow? row, Func<string, bool> name) =>
        row?.Values.Where(kv => name(TextNormalizer.Compact(kv.Key))).Select(kv => (decimal?)kv.Value).FirstOrDefault();
}

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
public static class TableFactReader
{
    public static List<Fact> Read(IReadOnlyList<ReportTable> tables)
    {
        var facts = new List<Fact>();
        void Add(string key, ReportTable t, ReportRow? row, decimal? value)
        {
            if (row is null || value is null || facts.Any(f => f.Key == key)) return;
            facts.Add(new Fact
            {
                Key = key,
                Value = MoneyUnit.ToWan(value.Value, t.Unit),
                Provenance = new Provenance
                {
                    Kind = "table", Table = t.Id, Page = row.Provenance?.Page ?? t.PageStart, Bbox = row.Provenance?.Bbox,
                    Printed = value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), PrintedUnit = t.Unit,
                },
            });
        }

        foreach (var t in tables)
        {
            switch (t.Id)
            {
                case TableIds.FinalSummary or TableIds.BudgetSummary:
                    Add(FactKeys.IncomeTotal, t, Row(t, "income", "本年收入合计", "收入合计"), First(Row(t, "income", "本年收入合计", "收入合计")));
                    Add(FactKeys.ExpenditureTotal, t, Row(t, "expenditure", "本年支出合计", "支出合计"), First(Row(t, "expenditure", "本年支出合计", "支出合计")));
                    Add(FactKeys.GrandTotal, t, Row(t, "income", "总计", "收入总计"), First(Row(t, "income", "总计", "收入总计")));
                    Add(FactKeys.CarryoverOpening, t, Row(t, "income", "年初结转和结余"), First(Row(t, "income", "年初结转和结余")));
                    Add(FactKeys.CarryoverClosing, t, Row(t, "expenditure", "年末结转和结余"), First(Row(t, "expenditure", "年末结转和结余")));
                    if (t.Id == TableIds.BudgetSummary)
                    {
                        var fiscal = RowWhere(t, "income", l => Strip(l) is "财政拨款" or "财政拨款收入");
                        Add(FactKeys.IncomeFiscal, t, fiscal, First(fiscal));
                        var general = RowWhere(t, "income", l => Strip(l) is "一般公共预算" or "一般公共预算拨款" or "一般公共预算财政拨款" or "一般公共预算拨款收入");
                        Add(FactKeys.IncomeGeneralBudget, t, general, First(general));
                        var basic = RowWhere(t, "expenditure", l => Strip(l) == "基本支出");
                        Add(FactKeys.ExpenditureBasic, t, basic, First(basic));
                        var project = RowWhere(t, "expenditure", l => Strip(l) == "项目支出");
                        Add(FactKeys.ExpenditureProject, t, project, First(project));
                    }
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
                    ReadThreePublic(t, Add);
                    break;
            }
        }
        return facts;
    }

    /// <summary>三公 columns by name: 预算数/决算数 decide the suffix in a final account; a budget's figures are its own.</summary>
    private static void ReadThreePublic(ReportTable t, Action<string, ReportTable, ReportRow?, decimal?> add)
    {
        var row = t.Rows.FirstOrDefault(r => r.Values.Count > 0 && (r.Label.Length == 0 || CellKinds.IsTotalLabel(r.Label)))
                  ?? t.Rows.FirstOrDefault(r => r.Values.Count > 0);
        if (row is null) return;
        var final = t.Id == TableIds.FinalThreePublic;
        foreach (var (column, value) in row.Values)
        {
            var c = TextNormalizer.Compact(column);
            if (c.Contains("机关运行经费")) { add(FactKeys.OperatingCosts, t, row, value); continue; }
            if (c.Contains("会议费") || c.Contains("培训费")) continue;
            var suffix = !final ? string.Empty
                : c.Contains("预算") && !c.Contains("决算") ? FactKeys.BudgetSuffix
                : c.Contains("决算") ? string.Empty : null;
            if (suffix is null) continue;
            var key = ThreePublicKey(c);
            if (key is not null) add(key + suffix, t, row, value);
        }
    }

    private static string? ThreePublicKey(string c)
    {
        var parts = c.Split('/');
        var last = parts[^1];
        if (c.Contains("因公出国")) return FactKeys.Overseas;
        if (c.Contains("接待")) return FactKeys.Reception;
        if (last.Contains("购置费") || last is "购置") return FactKeys.VehiclePurchase;
        if (last.Contains("运行")) return FactKeys.VehicleOperation;
        if (c.Contains("公务用车")) return last is "小计" or "合计" || last.Contains("购置及运行") ? FactKeys.Vehicles : null;
        if (last is "合计" or "小计" or "三公经费" or "“三公”经费") return FactKeys.ThreePublicTotal;
        return null;
    }

    private static string Strip(string label)
    {
        var l = TextNormalizer.Compact(label);
        var i = 0;
        while (i < l.Length && (char.IsAsciiDigit(l[i]) || "一二三四五六七八九十、.．()（）".Contains(l[i]))) i++;
        return l[i..];
    }

    private static ReportRow? Row(ReportTable t, string? side, params string[] labels) =>
        RowWhere(t, side, l => labels.Contains(Strip(l)));

    private static ReportRow? RowWhere(ReportTable t, string? side, Func<string, bool> label) =>
        t.Rows.FirstOrDefault(r => (side is null || r.Side is null || r.Side == side) && label(TextNormalizer.Compact(r.Label)) && r.Values.Count > 0)
        ?? t.Rows.FirstOrDefault(r => (side is null || r.Side is null || r.Side == side) && label(TextNormalizer.Compact(r.Label)));

    private static ReportRow? TotalRow(ReportTable t) =>
        t.Rows.FirstOrDefault(r => r.Code is null && TextNormalizer.Compact(r.Label) is "合计" or "总计" or "合计数" or "本年支出合计" or "本年收入合计")
        ?? t.Rows.FirstOrDefault(r => r.Code is null && r.Label.Length == 0 && r.Values.Count > 0);

    private static decimal? First(ReportRow? row) => row is null || row.Values.Count == 0 ? null : row.Values.First().Value;

    private static decimal? Column(ReportRow? row, Func<string, bool> name) =>
        row?.Values.Where(kv => name(TextNormalizer.Compact(kv.Key))).Select(kv => (decimal?)kv.Value).FirstOrDefault();
}

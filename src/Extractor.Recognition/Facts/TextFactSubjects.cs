using System.Text.RegularExpressions;

namespace Extractor.Recognition.Facts;

/// <summary>The wording of each key <see cref="TextFactReader"/> reads, source-generated: built at compile time,
/// not parsed and interpreted in every process (one `extract` runs them over every sentence once).</summary>
public static partial class TextFactReader
{
    private static readonly Subject[] Subjects =
    [
        new(FactKeys.GrandTotal, GrandTotalRx(), Money, "总计"),
        new(FactKeys.GrandTotal, WholeBudgetRx(), Money, "预算") { BudgetOnly = true },
        new(FactKeys.IncomeTotal, IncomeTotalRx(), Money, "收入"),
        new(FactKeys.ExpenditureTotal, ExpenditureTotalRx(), Money, "支出"),
        new(FactKeys.IncomeGeneralBudget, IncomeGeneralBudgetRx(), Money, "一般公共预算"),
        new(FactKeys.IncomeFiscal, IncomeFiscalRx(), Money, "财政拨款收入"),
        new(FactKeys.ExpenditureBasic, ExpenditureBasicRx(), Money, "基本支出"),
        new(FactKeys.ExpenditureProject, ExpenditureProjectRx(), Money, "项目支出"),
        new(FactKeys.Personnel, PersonnelRx(), Money, "人员"),
        new(FactKeys.Public, PublicRx(), Money, "公用"),
        new(FactKeys.ThreePublicTotal, ThreePublicTotalRx(), Money, "三公"),
        new(FactKeys.Overseas, OverseasRx(), Money, "因公出国"),
        new(FactKeys.Vehicles, VehiclesRx(), Money, "购置"),
        new(FactKeys.VehiclePurchase, VehiclePurchaseRx(), Money, "公务用车购置"),
        new(FactKeys.VehicleOperation, VehicleOperationRx(), Money, "运行"),
        new(FactKeys.Reception, ReceptionRx(), Money, "公务接待"),
        new(FactKeys.OperatingCosts, OperatingCostsRx(), Money, "机关运行经费"),
        new(FactKeys.ProcurementTotal, ProcurementTotalRx(), Money, "政府采购"),
        new(FactKeys.ProcurementGoods, ProcurementGoodsRx(), Money, "货物"),
        new(FactKeys.ProcurementWorks, ProcurementWorksRx(), Money, "工程"),
        new(FactKeys.ProcurementServices, ProcurementServicesRx(), Money, "服务"),
        new(FactKeys.ProcurementSme, ProcurementSmeRx(), Money, "中小企业"),
        new(FactKeys.AssetsVehicles, AssetsVehiclesRx(), Count, "车"),
        new(FactKeys.PerfScore, PerfScoreRx(), Score, "分"),
        // Per-project figures ("实际支出5,974万元，预算执行率99.57%") stay in the tables; only whole-report wording here.
        new(FactKeys.PerfExecutionRate, PerfExecutionRateRx(), Percent, "执行率"),
        new(FactKeys.PerfFunds, PerfFundsRx(), Money, ""),
        new(FactKeys.PerfExpenditure, PerfExpenditureRx(), Money, "执行数"),
    ];

    [GeneratedRegex(@"(?<!财政拨款)(?<!财政拨款收入)收、?支(出)?总计|收入支出总计")] private static partial Regex GrandTotalRx();
    // "2026年度收入预算32852.05万元" / "…中心收入预算1,361万元": the budget as a whole, opening its part of the explanation
    // (the year or the agency right before it), is 收入总计 / 支出总计 — carried-in funds included, as the 收支总表 of
    // the same reports prints it; 财政拨款收入预算, 基本支出预算 and the like are parts, never this.
    [GeneratedRegex(@"(?<=(?:20\d\d年度?|^|[,，:：]|[局委院心室部会馆所站队办厅校]))(收入|支出)预算(总额|总计)?(?=[为是共计]{0,2}\d)")] private static partial Regex WholeBudgetRx();
    [GeneratedRegex(@"(?<!财政拨款)(?<!上年)(本年|本年度)?收入合计|决算总收入|(?<![上全预算])总收入")] private static partial Regex IncomeTotalRx();
    [GeneratedRegex(@"(?<!财政拨款)(?<!上年)(本年|本年度)?支出合计|决算总支出|(?<![上全预算])总支出")] private static partial Regex ExpenditureTotalRx();
    [GeneratedRegex(@"一般公共预算(财政)?拨款收入")] private static partial Regex IncomeGeneralBudgetRx();
    [GeneratedRegex(@"(?<![算金本])财政拨款收入(?!支出)")] private static partial Regex IncomeFiscalRx();
    [GeneratedRegex(@"(?<![拨款员算])基本支出")] private static partial Regex ExpenditureBasicRx();
    [GeneratedRegex(@"(?<![拨款])项目支出")] private static partial Regex ExpenditureProjectRx();
    [GeneratedRegex(@"人员经费|(?<![上])人员支出")] private static partial Regex PersonnelRx();
    [GeneratedRegex(@"(日常)?公用经费|日常公用支出")] private static partial Regex PublicRx();
    [GeneratedRegex(@"[“""]三公[”""]经费|三公经费")] private static partial Regex ThreePublicTotalRx();
    [GeneratedRegex(@"因公出国\(境\)(经费|费用|费)")] private static partial Regex OverseasRx();
    [GeneratedRegex(@"公务(?:用车|车辆)购置(费)?(及|和)运行(维护)?(费|经费)")] private static partial Regex VehiclesRx();
    [GeneratedRegex(@"公务用车购置(费)?(?=预算)|公务用车购置(费|支出)(?!及|和)")] private static partial Regex VehiclePurchaseRx();
    [GeneratedRegex(@"公务(?:用车|车辆)运行(维护)?(费|支出)")] private static partial Regex VehicleOperationRx();
    [GeneratedRegex(@"公务接待(费|支出)")] private static partial Regex ReceptionRx();
    [GeneratedRegex(@"机关运行经费")] private static partial Regex OperatingCostsRx();
    // "货物类政府采购支出预算259.32万元" is the goods part, not the total.
    [GeneratedRegex(@"(?<!(货物|工程|服务)类?)政府采购(?!货物|工程|服务|项目)(支出|预算)?(总额|总金额|金额|合计)?")] private static partial Regex ProcurementTotalRx();
    [GeneratedRegex(@"政府采购货物(类)?(支出|预算|金额)?|货物类?政府采购(支出|预算)*|(?<!中小企业|小微企业)货物(类)?采购(金额|支出|预算)?")] private static partial Regex ProcurementGoodsRx();
    [GeneratedRegex(@"政府采购工程(类)?(支出|预算|金额)?|工程类?政府采购(支出|预算)*|(?<!中小企业|小微企业)工程(类)?采购(金额|支出|预算)?")] private static partial Regex ProcurementWorksRx();
    [GeneratedRegex(@"政府采购服务(类)?(支出|预算|金额)?|服务类?政府采购(支出|预算)*|(?<!中小企业|小微企业)服务(类)?采购(金额|支出|预算)?")] private static partial Regex ProcurementServicesRx();
    [GeneratedRegex(@"授予中小企业合同(金额)?")] private static partial Regex ProcurementSmeRx();
    [GeneratedRegex(@"共有车辆|共有公务用车|公务用车保有量|车辆保有量")] private static partial Regex AssetsVehiclesRx();
    [GeneratedRegex(@"(自评|综合|评价)(总|合计)?(得分|评分|分数|分)")] private static partial Regex PerfScoreRx();
    [GeneratedRegex(@"(综合|整体|总体)预算执行率")] private static partial Regex PerfExecutionRateRx();
    [GeneratedRegex(@"年度可用(专项)?资金(共计|合计)?|全年预算数")] private static partial Regex PerfFundsRx();
    [GeneratedRegex(@"全年执行数")] private static partial Regex PerfExpenditureRx();
}

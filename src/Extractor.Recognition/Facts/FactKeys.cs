namespace Extractor.Recognition.Facts;

/// <summary>SCHEMA §4 fact keys.</summary>
public static class FactKeys
{
    public const string IncomeTotal = "income.total";
    public const string ExpenditureTotal = "expenditure.total";
    public const string GrandTotal = "grand_total";
    public const string IncomeFiscal = "income.fiscal_appropriation";
    public const string IncomeGeneralBudget = "income.general_budget";
    public const string ExpenditureBasic = "expenditure.basic";
    public const string ExpenditureProject = "expenditure.project";
    public const string Personnel = "basic.personnel";
    public const string Public = "basic.public";
    public const string CarryoverOpening = "carryover.opening";
    public const string CarryoverClosing = "carryover.closing";
    public const string ThreePublicTotal = "three_public.total";
    public const string Overseas = "three_public.overseas";
    public const string Vehicles = "three_public.vehicles";
    public const string VehiclePurchase = "three_public.vehicle_purchase";
    public const string VehicleOperation = "three_public.vehicle_operation";
    public const string Reception = "three_public.reception";
    public const string OperatingCosts = "operating_costs";
    public const string ProcurementTotal = "procurement.total";
    public const string ProcurementGoods = "procurement.goods";
    public const string ProcurementWorks = "procurement.works";
    public const string ProcurementServices = "procurement.services";
    public const string ProcurementSme = "procurement.sme";
    public const string AssetsVehicles = "assets.vehicles";
    public const string PerfFunds = "perf.funds_available";
    public const string PerfExpenditure = "perf.expenditure";
    public const string PerfExecutionRate = "perf.execution_rate";
    public const string PerfScore = "perf.score";

    public const string BudgetSuffix = ".budget";

    /// <summary>Keys whose figure is a percentage (unit %), not money.</summary>
    public static bool IsPercent(string key) => key.StartsWith(PerfExecutionRate, StringComparison.Ordinal);

    /// <summary>Keys whose figure is money (万元): all but percentages, scores and counts of things.</summary>
    public static bool IsMoney(string key) =>
        !IsPercent(key) && !IsScore(key) && !key.StartsWith(AssetsVehicles, StringComparison.Ordinal);

    /// <summary>Keys whose figure is a score (unit 分), not money.</summary>
    public static bool IsScore(string key) => key.StartsWith(PerfScore, StringComparison.Ordinal);

    /// <summary>The unit a key's figure is given in: %, 分, or 万元 for money.</summary>
    public static string UnitOf(string key) => IsPercent(key) ? "%" : IsScore(key) ? "分" : Amounts.MoneyUnit.Wan;
}

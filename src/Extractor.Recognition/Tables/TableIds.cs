namespace Extractor.Recognition.Tables;

/// <summary>SCHEMA §2 table ids used by code (facts and checks look tables up by these).</summary>
public static class TableIds
{
    public const string FinalSummary = "final.t01_income_expenditure_summary";
    public const string FinalIncome = "final.t02_income";
    public const string FinalExpenditure = "final.t03_expenditure";
    public const string FinalFiscalSummary = "final.t04_fiscal_summary";
    public const string FinalGeneralBudget = "final.t05_general_budget_expenditure";
    public const string FinalGeneralBudgetBasic = "final.t06_general_budget_basic_expenditure";
    public const string FinalThreePublic = "final.t07_three_public";
    public const string FinalGovernmentFund = "final.t08_government_fund";
    public const string FinalStateCapital = "final.t09_state_capital";

    public const string BudgetSummary = "budget.t01_revenue_expenditure_summary";
    public const string BudgetRevenue = "budget.t02_revenue";
    public const string BudgetExpenditure = "budget.t03_expenditure";
    public const string BudgetFiscalSummary = "budget.t04_fiscal_summary";
    public const string BudgetGeneralFunctional = "budget.t05_general_budget_functional";
    public const string BudgetGovernmentFund = "budget.t06_government_fund";
    public const string BudgetStateCapital = "budget.t07_state_capital";
    public const string BudgetGeneralBasicEconomic = "budget.t08_general_budget_basic_economic";
    public const string BudgetThreePublic = "budget.t09_three_public_operating";

    /// <summary>Tables printed as 收入 | 支出 side by side.</summary>
    public static bool IsTwoSided(string id) => id is FinalSummary or FinalFiscalSummary or BudgetSummary or BudgetFiscalSummary;

    /// <summary>Tables printed as column groups side by side (人员经费 | 公用经费).</summary>
    public static bool IsGrouped(string id) => id is FinalGeneralBudgetBasic or BudgetGeneralBasicEconomic or "budget.x_fiscal_basic_expenditure";
}

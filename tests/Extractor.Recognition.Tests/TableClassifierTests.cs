using Extractor.Core.Report;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

public class TableClassifierTests
{
    [Theory]
    [InlineData("一般公共预算财政拨款基本支出决算明细表", "final.t06_general_budget_basic_expenditure")]
    [InlineData("财政拨款“三公”经费支出决算表", "final.t07_three_public")]
    [InlineData("国有资本经营预算财政拨款收入支出决算表", "final.t09_state_capital")]
    [InlineData("表 4：高等学校财政拨款支出决算表", "final.x_fiscal_expenditure")]
    [InlineData("一般公共预算财政拨款项目支出决算表", "final.x_general_budget_project_expenditure")]
    [InlineData("收入支出决算总表", "final.t01_income_expenditure_summary")]
    public void FinalTitles(string title, string id) =>
        Assert.Equal(id, TableClassifier.Classify([title, "公开01表", "单位：万元"], [], DocumentKinds.FinalAccount).Id);

    [Theory]
    [InlineData("一、2018年度江苏省高级人民法院收支预算总表", "budget.t01_revenue_expenditure_summary")]
    [InlineData("五、2018 年度江苏省高级人民法院财政拨款支出预算表", "budget.x_fiscal_expenditure")]
    [InlineData("十一、2018 年度江苏省高级人民法院一般公共预算机关运行经费支出预算表", "budget.x_operating_costs")]
    [InlineData("十二、2018 年江苏省高级人民法院政府采购预算表", "budget.x_procurement")]
    [InlineData("2026年部门一般公共预算基本支出部门预算经济分类预算表", "budget.t08_general_budget_basic_economic")]
    [InlineData("2026年部门“三公”经费和机关运行经费预算表", "budget.t09_three_public_operating")]
    [InlineData("2025年部门收支总体情况表", "budget.t01_revenue_expenditure_summary")] // 长沙 (Hunan) budgets
    [InlineData("2025年部门收入总体情况表", "budget.t02_revenue")]
    [InlineData("2025年部门支出总体情况表", "budget.t03_expenditure")]
    [InlineData("2025年财政拨款收支总体情况表", "budget.t04_fiscal_summary")]
    public void BudgetTitles(string title, string id) =>
        Assert.Equal(id, TableClassifier.Classify([title], [], DocumentKinds.Budget).Id);

    [Fact]
    public void HeaderAloneSufficesWhenTheTitleIsMissing()
    {
        Assert.Equal("final.t07_three_public", TableClassifier.Classify([], ["预算数", "决算数", "合计", "因公出国(境)费", "公务接待费"], DocumentKinds.FinalAccount).Id);
        Assert.Equal("final.t02_income", TableClassifier.Classify(["单位：万元"], ["项目", "本年收入合计", "财政拨款收入", "上级补助收入"], DocumentKinds.FinalAccount).Id);
        Assert.Equal("final.t01_income_expenditure_summary", TableClassifier.Classify([], ["收入", "支出", "项目", "行次", "金额"], DocumentKinds.FinalAccount).Id);
        Assert.Equal("final.t06_general_budget_basic_expenditure", TableClassifier.Classify([], ["人员经费", "公用经费", "科目编码"], DocumentKinds.FinalAccount).Id);
    }

    [Fact]
    public void PublicNumberIsTheLastResort() =>
        Assert.Equal("final.t05_general_budget_expenditure", TableClassifier.Classify(["公开05表"], ["项目", "金额"], DocumentKinds.FinalAccount).Id);

    [Fact]
    public void UnknownTitledTablesKeepAnXId()
    {
        var r = TableClassifier.Classify(["部门整体支出绩效自评结果表"], [], DocumentKinds.FinalAccount);
        Assert.StartsWith("final.x_", r.Id);
        Assert.Equal("部门整体支出绩效自评结果表", r.Title);
    }

    [Theory]
    [InlineData("2026年预算单位收人预算总表", "budget.t02_revenue")]                      // 入 read 人
    [InlineData("般公共预算支出表", "budget.t05_general_budget_functional")]              // the leading 一 lost
    [InlineData("预算13表部门整体支出续效目标表", "budget.x_department_performance_targets")] // 绩 read 续
    // 拨 read 投: the words left match only the shorter 收支预算总表 (t01)
    [InlineData("四、2018年度江苏省高级人民法院财政投款收支预算总表", "budget.t04_fiscal_summary")]
    [InlineData("四、2018年度江苏省高级人民法院 财政投款收支预算总表", "budget.t04_fiscal_summary")] // a space read in the title
    public void ATitleReadFromAnImageWithAGlyphMisreadStillNamesItsTable(string title, string id)
    {
        Assert.Equal(id, TableClassifier.Classify(title, [title], [], DocumentKinds.Budget, readFromImage: true).Id);
        Assert.Equal(title, TableClassifier.Classify(title, [title], [], DocumentKinds.Budget, readFromImage: true).Title);
        // From a text layer the title is exact: a word not printed is not a table's name.
        Assert.NotEqual(id, TableClassifier.Classify(title, [title], [], DocumentKinds.Budget, readFromImage: false).Id);
    }

    [Fact]
    public void ABudgetTitleReadFromAnImageIsNotMendedIntoAFinalAccountsTable() =>
        Assert.Equal("budget.t09_three_public_operating",
            TableClassifier.Classify("预算09表财政拨款“三公”经费支出表", ["预算09表财政拨款“三公”经费支出表"], [], DocumentKinds.Budget, readFromImage: true).Id);

    [Theory]
    [InlineData("2025年文化和旅游项目资金安排表", DocumentKinds.FinalAccount)]
    [InlineData("部门整体支出绩效自评结果表", DocumentKinds.FinalAccount)]  // more words than 部门整体支出绩效自评表: another table
    public void ATitleReadFromAnImageThatNamesNoTableKeepsItsOwnId(string title, string kind)
    {
        var read = TableClassifier.Classify(title, [title], [], kind, readFromImage: true);
        Assert.Equal(TableClassifier.Classify(title, [title], [], kind).Id, read.Id);
        Assert.Contains(".x_", read.Id);
    }

    [Theory]
    [InlineData("中央对地方专项转移支付区域绩效目标表", DocumentKinds.Unknown, "budget.x_project_performance_targets")] // a notice allotting a fund
    [InlineData("项目绩效目标自评表", DocumentKinds.Unknown, "perf.x_self_evaluation")]
    [InlineData("项目绩效目标表", DocumentKinds.PerformanceEvaluation, "perf.x_project_performance_targets")]
    public void ATargetTableIsABudgetsWhereTheDocumentHasNoKind(string title, string kind, string id) =>
        Assert.Equal(id, TableClassifier.Classify([title], [], kind).Id);

    [Fact]
    public void AnUntitledListOfUnitsIsTheUnitsTable()
    {
        Assert.Equal("final.x_units", TableClassifier.Classify([], ["序号", "单位名称", "备注"], DocumentKinds.FinalAccount).Id);
        Assert.NotEqual("final.x_units", TableClassifier.Classify([], ["单位名称", "金额"], DocumentKinds.FinalAccount).Id);
    }
}

public class TableTitleLexiconTests
{
    // Every id the title lexicon gave before it became data (SCHEMA §2 and the x_ ids in use): none may be renamed.
    private static readonly string[] IdsInUse =
    [
        "final.t01_income_expenditure_summary", "final.t02_income", "final.t03_expenditure", "final.t04_fiscal_summary",
        "final.t05_general_budget_expenditure", "final.t06_general_budget_basic_expenditure", "final.t07_three_public",
        "final.t08_government_fund", "final.t09_state_capital", "final.x_general_budget_project_expenditure",
        "final.x_fiscal_expenditure_detail", "final.x_fiscal_expenditure", "final.x_project_self_evaluation_scores",
        "final.x_department_self_evaluation",
        "budget.t01_revenue_expenditure_summary", "budget.t02_revenue", "budget.t03_expenditure", "budget.t04_fiscal_summary",
        "budget.t05_general_budget_functional", "budget.t06_government_fund", "budget.t07_state_capital",
        "budget.t08_general_budget_basic_economic", "budget.t09_three_public_operating", "budget.x_operating_costs",
        "budget.x_procurement", "budget.x_department_performance_targets", "budget.x_special_fund_performance_targets",
        "budget.x_project_performance_targets", "budget.x_general_budget_economic", "budget.x_fiscal_basic_expenditure",
        "budget.x_fiscal_expenditure", "budget.x_basic_expenditure", "budget.x_project_expenditure",
        "perf.x_indicator_scores", "perf.x_self_evaluation", "perf.x_performance_indicators", "perf.x_project_expenditure",
    ];

    [Fact]
    public void TheLexiconGivesExactlyTheIdsInUse() =>
        Assert.Equal(IdsInUse.Order(), TableTitleLexicon.Ids.Order());

    [Theory]
    [InlineData("预算12表部门整体支出绩效目标表", "budget.x_department_performance_targets")]
    [InlineData("预算14表医药卫生体制改革专项转移支付绩效目标表", "budget.x_project_performance_targets")]
    [InlineData("预算表12 年度项目支出绩效表", "budget.x_project_performance_targets")]
    [InlineData("重点专项资金绩效目标表", "budget.x_special_fund_performance_targets")]
    [InlineData("预算10表政府采购预算明细表", "budget.x_procurement")]
    public void PerformanceAndProcurementFormsOfBudgets(string title, string id) =>
        Assert.Equal(id, TableClassifier.Classify([title], [], DocumentKinds.Budget).Id);

    [Fact]
    public void DepartmentWideSelfEvaluationOfAFinalAccountHasItsOwnId()
    {
        Assert.Equal("final.x_department_self_evaluation", TableClassifier.Classify(["2023年度部门整体支出绩效自评表"], [], DocumentKinds.FinalAccount).Id);
        // A project's self-evaluation and a score sheet keep theirs.
        Assert.Equal("perf.x_self_evaluation", TableClassifier.Classify(["项目支出绩效自评表"], [], DocumentKinds.FinalAccount).Id);
        Assert.Equal("perf.x_indicator_scores", TableClassifier.Classify(["部门整体支出绩效自评评分表"], [], DocumentKinds.FinalAccount).Id);
    }

    [Fact]
    public void GeneralTableNounsNameOnlyTitlesWithoutBudgetWords()
    {
        Assert.Equal("fiscal_detail", SnakeName.Of("财政拨款政府购买服务明细表"));
        Assert.Equal("works_status", SnakeName.Of("南宁市本级建设工程消防设计抽查情况表"));
        Assert.Equal("standards", SnakeName.Of("北京市城市道路挖掘修复费标准"));
        Assert.StartsWith("table_", SnakeName.Of("某某"));
    }
}

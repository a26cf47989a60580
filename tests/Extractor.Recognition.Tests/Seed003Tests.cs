using Extractor.Core.Report;

namespace Extractor.Recognition.Tests;

/// <summary>
/// seeds/003 (永州市冷水滩区医疗保障局 2021 决算): all nine 公开表 as tab-separated text. Expected values
/// were read off the seed by hand.
/// </summary>
public class Seed003Tests
{
    private static readonly SeedReport R = SeedReport.Of("003_5cba4ecd56cdf973.txt");

    [Fact]
    public void NineTablesGetTheirSchemaIds()
    {
        Assert.Equal(
        [
            "final.t01_income_expenditure_summary", "final.t02_income", "final.t03_expenditure", "final.t04_fiscal_summary",
            "final.t05_general_budget_expenditure", "final.t06_general_budget_basic_expenditure", "final.t07_three_public",
            "final.t08_government_fund", "final.t09_state_capital",
        ], R.Tables.Select(t => t.Id));
        Assert.All(R.Tables, t => Assert.Equal("万元", t.Unit));
        Assert.All(R.Tables, t => Assert.Equal(1, t.PageStart));
        Assert.Equal("收入决算表", R.Table("final.t02_income").Title);
    }

    [Fact]
    public void SummaryTableListsBothSidesWithoutLineNumbers()
    {
        var t = R.Table("final.t01_income_expenditure_summary");
        Assert.Equal(["金额"], t.Columns);
        Assert.Equal(8, t.Rows.Count(r => r.Side == "income" && r.Label.Contains('、')));
        Assert.Equal(26, t.Rows.Count(r => r.Side == "expenditure" && r.Label.Contains('、')));
        Assert.Equal(105.06m, t.Rows.Single(r => r.Side == "income" && r.Label == "一、一般公共预算财政拨款收入").Values["金额"]);
        Assert.Equal(100.11m, t.Rows.Single(r => r.Side == "expenditure" && r.Label == "九、卫生健康支出").Values["金额"]);
        Assert.Empty(t.Rows.Single(r => r.Side == "expenditure" && r.Label == "二、外交支出").Values);
        Assert.Equal(105.06m, t.Rows.Single(r => r.Side == "expenditure" && r.Label == "总计").Values["金额"]);
    }

    [Fact]
    public void IncomeTableRowsCarryCodesLevelsAndAmounts()
    {
        var t = R.Table("final.t02_income");
        Assert.Equal(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"], t.Columns);
        Assert.Equal(["208", "20801", "2080109", "210", "21001", "2100101", "21013", "2101301"], t.Rows.Where(r => r.Code is not null).Select(r => r.Code!));
        var row = t.Rows.Single(r => r.Code == "2100101");
        Assert.Equal("行政运行", row.Label);
        Assert.Equal(3, row.Level);
        Assert.Equal(new Dictionary<string, decimal> { ["本年收入合计"] = 99.02m, ["财政拨款收入"] = 99.02m }, row.Values);
        Assert.Equal(1, t.Rows.Single(r => r.Code == "210").Level);
        Assert.Equal(105.06m, t.Rows.Single(r => r.Label == "合计").Values["本年收入合计"]);
        Assert.Equal(1, row.Provenance!.Page);
    }

    [Fact]
    public void ExpenditureTablesSplitBasicAndProject()
    {
        var t03 = R.Table("final.t03_expenditure");
        Assert.Equal(["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"], t03.Columns);
        Assert.Equal(1.09m, t03.Rows.Single(r => r.Code == "2101301").Values["基本支出"]);
        var t05 = R.Table("final.t05_general_budget_expenditure");
        Assert.Equal(["本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"], t05.Columns);
        Assert.Equal(4.95m, t05.Rows.Single(r => r.Code == "208").Values["本年支出/基本支出"]);
    }

    [Fact]
    public void FiscalSummaryHasItsExpenditureColumns()
    {
        var t = R.Table("final.t04_fiscal_summary");
        var total = t.Rows.Single(r => r.Side == "expenditure" && r.Label == "本年支出合计");
        Assert.Equal(105.06m, total.Values["合计"]);
        Assert.Equal(105.06m, total.Values["一般公共预算财政拨款"]);
        Assert.Equal(105.06m, t.Rows.Single(r => r.Side == "income" && r.Label == "本年收入合计").Values["金额"]);
    }

    [Fact]
    public void BasicExpenditureGroupsAreUnfolded()
    {
        var t = R.Table("final.t06_general_budget_basic_expenditure");
        Assert.Equal(["决算数"], t.Columns);
        Assert.Equal(("人员经费", 29.07m), (t.Rows.Single(r => r.Code == "30101").Group, t.Rows.Single(r => r.Code == "30101").Values["决算数"]));
        Assert.Equal(("公用经费", 7.47m), (t.Rows.Single(r => r.Code == "30201").Group, t.Rows.Single(r => r.Code == "30201").Values["决算数"]));
        Assert.Equal("公用经费", t.Rows.Single(r => r.Code == "31001").Group);
        Assert.Equal(3.30m, t.Rows.Single(r => r.Code == "30299").Values["决算数"]);
        Assert.Equal(78.56m, t.Rows.Single(r => r.Label == "人员经费合计").Values.Values.Single());
        Assert.Equal(26.50m, t.Rows.Single(r => r.Label == "公用经费合计").Values.Values.Single());
    }

    [Fact]
    public void ThreePublicTableHasTwoLevelColumns()
    {
        var t = R.Table("final.t07_three_public");
        Assert.Contains("预算数/公务用车购置及运行费/公务用车购置费", t.Columns);
        var row = Assert.Single(t.Rows);
        Assert.Equal(new Dictionary<string, decimal> { ["预算数/合计"] = 2.50m, ["预算数/公务接待费"] = 2.50m, ["决算数/合计"] = 1.50m, ["决算数/公务接待费"] = 1.50m }, row.Values);
    }

    [Fact]
    public void EmptyFundTablesAreKeptWithTheirColumns()
    {
        Assert.Equal(["年初结转和结余", "本年收入", "本年支出/小计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余"], R.Table("final.t08_government_fund").Columns);
        Assert.All(R.Table("final.t09_state_capital").Rows, r => Assert.Empty(r.Values));
    }

    [Theory]
    [InlineData("income.total", 105.06, "table")]
    [InlineData("expenditure.total", 105.06, "table")]
    [InlineData("grand_total", 105.06, "table")]
    [InlineData("income.fiscal_appropriation", 105.06, "table")]
    [InlineData("expenditure.basic", 105.06, "table")]
    [InlineData("expenditure.project", 0, "text")]
    [InlineData("basic.personnel", 78.56, "table")]
    [InlineData("basic.public", 26.50, "table")]
    [InlineData("three_public.total", 1.50, "table")]
    [InlineData("three_public.total.budget", 2.50, "table")]
    [InlineData("three_public.reception", 1.50, "table")]
    [InlineData("three_public.overseas", 0, "text")]
    [InlineData("three_public.vehicles", 0, "text")]
    [InlineData("operating_costs", 26.5, "text")]
    [InlineData("procurement.total", 1.37, "text")]
    [InlineData("procurement.goods", 1.37, "text")]
    [InlineData("assets.vehicles", 0, "text")]
    public void HeadlineFacts(string key, double value, string source)
    {
        var fact = R.Facts.Single(f => f.Key == key);
        Assert.Equal((decimal)value, fact.Value);
        Assert.Equal(source, fact.Provenance.Kind);
        Assert.Equal(1, fact.Provenance.Page);
    }

    [Fact]
    public void EveryIdentityHoldsInThisSeed()
    {
        Assert.DoesNotContain(R.Checks, c => c.Status == CheckStatus.Fail);
        foreach (var rule in new[] { "t01.income_total_equals_income_rows", "t01.income_grand_total_equals_expenditure_grand_total", "t02.total_equals_sum_of_classes",
                     "t03.class_equals_sum_of_items", "t05.row_total_equals_columns", "t02.total_equals_t01_income_total", "t04.general_budget_expenditure_equals_t05_total",
                     "t06.personnel_plus_public_equals_t05_basic", "text_vs_table.grand_total", "text.completion_rate" })
            Assert.Equal(CheckStatus.Pass, R.Checks.Single(c => c.Rule == rule).Status);
    }
}

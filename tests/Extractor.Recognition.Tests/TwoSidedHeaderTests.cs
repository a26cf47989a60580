using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

public class TwoSidedHeaderTests
{
    private static RawRow Row(params string[] cells) => new(cells.Select(c => new RawCell(c)).ToList(), 13);

    [Fact]
    public void Letter_spaced_side_names_name_the_side_not_the_column()
    {
        // 长沙 部门收支总体情况表: "收 入" and "支 出" are spread over each side's two columns.
        var raw = new RawTable(
        [
            Row("收", "入", "支", "出"),
            Row("项目", "本年预算", "项目", "本年预算"),
            Row("一、本级财政拨款收入", "68,632.12", "一、基本支出", "28,398.17"),
            Row("", "", "二、项目支出", "40,233.95"),
            Row("本年收入合计", "68,632.12", "本年支出合计", "68,632.12"),
        ], 13, 13, new Box(50, 500, 500, 700), "lattice") { Caption = ["2025年部门收支总体情况表"] };
        var profile = new ReportDocument { Sha256 = "x", Source = "x.pdf", MediaType = "application/pdf", Kind = DocumentKinds.Budget };
        var document = new DocumentContent("x", "x.pdf", "application/pdf", [new PageContent(13, 595, 842, [], [], [])], [], new Dictionary<string, string>());
        var table = new CanonicalTableMapper().Map(document, [raw], profile).Single();
        Assert.Equal("budget.t01_revenue_expenditure_summary", table.Id);
        Assert.Equal(["本年预算"], table.Columns);
        var income = table.Rows.Single(r => r.Label == "本年收入合计");
        Assert.Equal(("income", 68632.12m), (income.Side, income.Values["本年预算"]));
        Assert.Equal("expenditure", table.Rows.Single(r => r.Label == "二、项目支出").Side);
    }
}

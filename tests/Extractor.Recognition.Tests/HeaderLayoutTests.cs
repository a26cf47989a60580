using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Rows;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

/// <summary>Header and code layouts of raw tables through the mapper: 类/款/项 columns (201 | 06 | 01 is 2010601), two-sided headers.</summary>
public class HeaderLayoutTests
{
    private static RawRow Row(params string[] cells) => new(cells.Select(c => new RawCell(c)).ToList(), 1);

    private static ReportTable Map(RawTable raw, string kind = DocumentKinds.FinalAccount)
    {
        var profile = new ReportDocument { Sha256 = "x", Source = "x.pdf", MediaType = "application/pdf", Kind = kind };
        var document = new DocumentContent("x", "x.pdf", "application/pdf", [new PageContent(1, 595, 842, [], [], [])], [], new Dictionary<string, string>());
        return new CanonicalTableMapper().Map(document, [raw], profile).Single();
    }

    [Fact]
    public void Class_item_subitem_printed_on_the_total_row_are_header_not_label()
    {
        // 上海 支出决算表 (sh-putuo-czj-2024-final p10): the 类 款 项 line shares its row with 合计 and the amounts.
        var table = Map(new RawTable(
        [
            Row("项目", "", "", "", "本年支出合计", "基本支出", "项目支出"),
            Row("支出功能分类科目编码", "", "", "科目名称", "", "", ""),
            Row("类", "款", "项", "合计", "2,940.05", "2,336.91", "603.14"),
            Row("201", "", "", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"),
            Row("201", "06", "", "财政事务", "2,106.66", "1,503.52", "603.14"),
            Row("201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37"),
        ], 10, 10, new Box(50, 500, 500, 700), "lattice") { Caption = ["支出决算表"] });
        Assert.Equal("final.t03_expenditure", table.Id);
        Assert.Equal([null, "201", "20106", "2010601"], table.Rows.Select(r => r.Code));
        Assert.Equal("合计", table.Rows[0].Label);
        Assert.Equal(2940.05m, table.Rows[0].Values["本年支出合计"]);
    }

    [Fact]
    public void A_row_printing_only_its_own_part_takes_the_class_from_the_row_above()
    {
        // 长沙 收入总体情况表: the 款 row prints "11" alone under 201.
        var table = Map(new RawTable(
        [
            Row("类", "款", "项", "功能科目", "合计"),
            Row("201", "", "", "一般公共服务支出", "3.00"),
            Row("", "11", "", "纪检监察事务", "3.00"),
            Row("201", "11", "99", "其他纪检监察事务支出", "3.00"),
            Row("", "", "01", "行政运行", "1.00"),
        ], 14, 14, new Box(50, 500, 500, 700), "lattice") { Caption = ["2025年部门收入总体情况表"] }, DocumentKinds.Budget);
        Assert.Equal(["201", "20111", "2011199", "2011101"], table.Rows.Select(r => r.Code));
    }

    [Fact]
    public void Letter_spaced_side_names_name_the_side_not_the_column()
    {
        // 长沙 部门收支总体情况表: "收 入" and "支 出" are spread over each side's two columns.
        var table = Map(new RawTable(
        [
            Row("收", "入", "支", "出"),
            Row("项目", "本年预算", "项目", "本年预算"),
            Row("一、本级财政拨款收入", "68,632.12", "一、基本支出", "28,398.17"),
            Row("", "", "二、项目支出", "40,233.95"),
            Row("本年收入合计", "68,632.12", "本年支出合计", "68,632.12"),
        ], 13, 13, new Box(50, 500, 500, 700), "lattice") { Caption = ["2025年部门收支总体情况表"] }, DocumentKinds.Budget);
        Assert.Equal("budget.t01_revenue_expenditure_summary", table.Id);
        Assert.Equal(["本年预算"], table.Columns);
        var income = table.Rows.Single(r => r.Label == "本年收入合计");
        Assert.Equal(("income", 68632.12m), (income.Side, income.Values["本年预算"]));
        Assert.Equal("expenditure", table.Rows.Single(r => r.Label == "二、项目支出").Side);
    }

    [Theory]
    [InlineData(new[] { "", "11", "" }, "201", "20111")]
    [InlineData(new[] { "", "", "01" }, "2011199", "2011101")]
    [InlineData(new[] { "", "11", "02" }, "20401", "2041102")]
    [InlineData(new[] { "", "11", "" }, null, null)]      // nothing above to complete it from
    [InlineData(new[] { "", "", "01" }, "201", null)]     // the 款 is unknown
    [InlineData(new[] { "", "1", "" }, "201", null)]      // not a 款's two digits
    public void Complete(string[] parts, string? previous, string? expected) => Assert.Equal(expected, CodeLabel.Complete(parts, previous));
}

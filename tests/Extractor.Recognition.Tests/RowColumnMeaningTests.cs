using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using Extractor.Recognition.Text;

namespace Extractor.Recognition.Tests;

/// <summary>
/// Row and column meaning decided once (Meaning/*.tsv): which column is the amount, which row is the total, and
/// what facts and checks read through them, on small tables built here in the shapes real reports print.
/// </summary>
public class RowColumnMeaningTests
{
    private static ReportRow Row(string label, string? side = null, string? code = null, params (string Column, decimal Value)[] values) =>
        new() { Label = label, Side = side, Code = code, Level = code?.Length switch { 3 => 1, 5 => 2, 7 => 3, _ => null },
            Values = values.ToDictionary(v => v.Column, v => v.Value) };

    private static ReportTable Table(string id, string[] columns, params ReportRow[] rows) =>
        TableMeaning.Assign(new ReportTable { Id = id, Columns = [.. columns], Rows = [.. rows], Unit = "万元" }, 2026);

    private static string Kind(string id, string column) => Table(id, [column]).ColumnRoles[column].Kind;

    [Theory]
    [InlineData("数量", ColumnKinds.Quantity)]
    [InlineData("编制人数", ColumnKinds.Quantity)]
    [InlineData("单价", ColumnKinds.Price)]
    [InlineData("2026年预算数比2025年执行数/增减(%)", ColumnKinds.Percent)]
    [InlineData("2026年预算数比2025年执行数/增减额", ColumnKinds.Change)]
    [InlineData("执行率", ColumnKinds.Percent)]
    [InlineData("其中/事业单位经营支出", ColumnKinds.Subset)]
    [InlineData("预算数/项目支出/扣除基建项目后预算数", ColumnKinds.Subset)]
    [InlineData("预算数/合计", ColumnKinds.Total)]
    [InlineData("“三公”经费财政拨款预算总额", ColumnKinds.Total)]
    [InlineData("基本支出", ColumnKinds.Amount)]
    public void A_columns_kind_comes_from_its_header_path(string column, string kind) =>
        Assert.Equal(kind, Kind("budget.t03_expenditure", column));

    [Fact]
    public void Another_years_figures_are_prior_and_give_no_fact()
    {
        var t = Table(TableIds.BudgetGeneralFunctional, ["2025年执行数/执行数", "2026年预算数/年初预算数/小计", "2026年预算数/年初预算数/基本支出", "2026年预算数/年初预算数/项目支出"],
            Row("合计", values: [("2025年执行数/执行数", 900m), ("2026年预算数/年初预算数/小计", 1000m), ("2026年预算数/年初预算数/基本支出", 600m), ("2026年预算数/年初预算数/项目支出", 400m)]));
        Assert.Equal("prior", t.ColumnRoles["2025年执行数/执行数"].Period);
        Assert.Null(t.ColumnRoles["2026年预算数/年初预算数/小计"].Period);
        var facts = TableFactReader.Read([t], DocumentKinds.Budget);
        Assert.Equal(600m, facts.Single(f => f.Key == FactKeys.ExpenditureBasic).Value);
        Assert.Equal(400m, facts.Single(f => f.Key == FactKeys.ExpenditureProject).Value);
    }

    [Fact]
    public void A_procurement_total_is_read_from_its_amount_in_its_own_unit_never_from_the_quantity()
    {
        // 数量 15680 beside 预算金额(元): the total is 2.5 万元, not 1.568 万元.
        var t = Table("budget.x_procurement", ["数量", "单价", "预算金额(元)"],
            Row("合计", values: [("数量", 15680m), ("预算金额(元)", 25000m)]));
        var fact = TableFactReader.Read([t], DocumentKinds.Budget).Single(f => f.Key == FactKeys.ProcurementTotal);
        Assert.Equal(2.5m, fact.Value);
        Assert.Equal("预算金额(元)", fact.Provenance.Column);
        Assert.Equal("元", fact.Provenance.PrintedUnit);
    }

    [Fact]
    public void Every_money_fact_of_the_labelled_reports_comes_from_an_amount_column()
    {
        foreach (var report in DevCorpusTests.Reports())
        {
            foreach (var fact in report.Facts.Where(f => f.Provenance.Kind == "table"))
            {
                var table = report.Tables.First(t => t.Id == fact.Provenance.Table);
                var role = TableMeaning.Role(table, fact.Provenance.Column!);
                if (FactKeys.IsPercent(fact.Key)) Assert.Equal(ColumnKinds.Percent, role.Kind);
                else Assert.True(FactColumnChecks.Holds(fact.Key, role), $"{report.Document.Source} {fact.Key} from {table.Id} [{fact.Provenance.Column}] ({role.Kind})");
            }
            // The same guard runs on every document as a check; on these reports it never fails.
            Assert.DoesNotContain(report.Checks, c => c.Rule == FactColumnChecks.Rule && c.Status != CheckStatus.Pass);
            Assert.Contains(report.Checks, c => c.Rule == FactColumnChecks.Rule);
        }
    }

    [Fact]
    public void A_money_fact_from_a_quantity_a_rate_or_another_years_column_fails_the_column_check()
    {
        var t = Table(TableIds.BudgetThreePublic, ["数量", "2025年预算数", "合计", "公务用车/其中/公务用车购置"],
            Row("合计", values: [("数量", 15680m), ("2025年预算数", 3m), ("合计", 25000m), ("公务用车/其中/公务用车购置", 2m)]));
        Fact F(string key, string column) => new() { Key = key, Value = 1m, Unit = "万元",
            Provenance = new Provenance { Kind = "table", Table = t.Id, Column = column } };
        var checks = new CheckBuilder();
        FactColumnChecks.Run([F(FactKeys.ThreePublicTotal, "数量"), F(FactKeys.ThreePublicTotal, "2025年预算数"),
            F(FactKeys.Vehicles, "公务用车/其中/公务用车购置"), F(FactKeys.ThreePublicTotal, "合计"),
            F(FactKeys.VehiclePurchase, "公务用车/其中/公务用车购置")], [t], checks);
        var built = checks.Build();
        // The total from 合计 and the purchase from its own 其中 column hold; the other three are reported.
        var failed = built.Where(c => c.Rule == FactColumnChecks.Rule && c.Status == CheckStatus.Fail).Select(c => c.Message).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Contains(failed, m => m!.Contains("[数量]") || m.Contains("column 数量"));
        Assert.DoesNotContain(failed, m => m!.Contains("vehicle_purchase"));
    }

    [Fact]
    public void A_summary_whose_totals_read_only_合计_has_its_totals_by_their_place()
    {
        // 合计 with 结转 lines after it is the year's total; the 合计 that closes the side after them is the grand total.
        var t = Table(TableIds.BudgetSummary, ["预算数"],
            Row("一、财政拨款", "income", values: ("预算数", 80m)), Row("二、事业收入", "income", values: ("预算数", 20m)),
            Row("合计", "income", values: ("预算数", 100m)), Row("上年结转", "income", values: ("预算数", 5m)),
            Row("合计", "income", values: ("预算数", 105m)),
            Row("一、一般公共服务支出", "expenditure", values: ("预算数", 100m)),
            Row("合计", "expenditure", values: ("预算数", 100m)), Row("结转下年", "expenditure", values: ("预算数", 5m)),
            Row("合计", "expenditure", values: ("预算数", 105m)));
        var facts = TableFactReader.Read([t], DocumentKinds.Budget);
        Assert.Equal(100m, facts.Single(f => f.Key == FactKeys.IncomeTotal).Value);
        Assert.Equal(100m, facts.Single(f => f.Key == FactKeys.ExpenditureTotal).Value);
        Assert.Equal(105m, facts.Single(f => f.Key == FactKeys.GrandTotal).Value);
        var checks = new CheckBuilder();
        SummaryTableChecks.Run(new CheckContext([t], false), checks);
        Assert.All(checks.Build(), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_row_total_sums_its_siblings_not_their_其中_parts_nor_a_rate()
    {
        var t = Table(TableIds.BudgetExpenditure, ["合计", "基本支出", "项目支出", "其中/事业单位经营支出", "其中/上缴上级支出", "比上年增减(%)"],
            Row("一般公共服务支出", code: "201", values: [("合计", 173.24m), ("基本支出", 5.24m), ("项目支出", 168m), ("其中/事业单位经营支出", 168m), ("比上年增减(%)", 3.5m)]));
        var checks = new CheckBuilder();
        RowTotalChecks.Run(new CheckContext([t], false), checks);
        var check = Assert.Single(checks.Build());
        Assert.Equal((CheckStatus.Pass, 173.24m), (check.Status, check.Actual!.Value));
        Assert.DoesNotContain("其中", check.Message);
    }

    [Fact]
    public void A_group_without_its_own_total_adds_all_of_its_amounts_and_an_empty_小计_its_parts()
    {
        var t = Table("budget.x_fiscal_expenditure", ["合计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"],
            Row("一般公共服务支出", code: "201", values: [("合计", 678.35m), ("基本支出/人员经费", 254.52m), ("基本支出/公用经费", 396.83m), ("项目支出", 27m)]));
        var three = Table(TableIds.BudgetThreePublic, ["“三公”经费财政拨款预算总额", "因公出国(境)费用", "公务接待费", "公务用车购置及运行维护费/小计", "公务用车购置及运行维护费/公务用车购置费", "公务用车购置及运行维护费/公务用车运行维护费"],
            Row("", values: [("“三公”经费财政拨款预算总额", 40.77m), ("因公出国(境)费用", 17.1m), ("公务接待费", 0.15m), ("公务用车购置及运行维护费/公务用车购置费", 18.69m), ("公务用车购置及运行维护费/公务用车运行维护费", 4.83m)]));
        var checks = new CheckBuilder();
        RowTotalChecks.Run(new CheckContext([t, three], false), checks);
        Assert.All(checks.Build(), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.Equal(2, checks.Build().Count);
        Assert.Equal(40.77m, TableFactReader.Read([three], DocumentKinds.Budget).Single(f => f.Key == FactKeys.ThreePublicTotal).Value);
    }

    [Fact]
    public void A_classification_repeated_once_per_unit_is_summed_within_each_block()
    {
        // The same 类/款/项 listed for two units: each 类 is the sum of the rows printed under it, not of every row with its prefix.
        var t = Table(TableIds.BudgetGeneralFunctional, ["合计"],
            Row("合计", values: ("合计", 30m)),
            Row("一般公共服务支出", code: "201", values: ("合计", 10m)), Row("审计事务", code: "20108", values: ("合计", 10m)), Row("行政运行", code: "2010801", values: ("合计", 10m)),
            Row("一般公共服务支出", code: "201", values: ("合计", 20m)), Row("审计事务", code: "20108", values: ("合计", 20m)), Row("行政运行", code: "2010801", values: ("合计", 20m)));
        var checks = new CheckBuilder();
        HierarchyChecks.Run(new CheckContext([t], false), checks);
        Assert.All(checks.Build(), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_unit_column_names_each_rows_unit_and_each_units_total_is_checked()
    {
        var t = Table(TableIds.BudgetGeneralFunctional, ["合计"],
            Row("合计", values: ("合计", 30.00m)),
            new ReportRow { Label = "合计", BudgetUnit = "甲单位", Values = { ["合计"] = 10.00m } },
            new ReportRow { Code = "201", Level = 1, Label = "一般公共服务支出", BudgetUnit = "甲单位", Values = { ["合计"] = 10.00m } },
            new ReportRow { Label = "合计", BudgetUnit = "乙单位", Values = { ["合计"] = 20.00m } },
            new ReportRow { Code = "201", Level = 1, Label = "一般公共服务支出", BudgetUnit = "乙单位", Values = { ["合计"] = 21.00m } });
        var checks = new CheckBuilder();
        HierarchyChecks.Run(new CheckContext([t], false), checks);
        var built = checks.Build();
        Assert.Contains(built, c => c.Rule == "budget.t05.unit_total_equals_sum_of_classes" && c.Status == CheckStatus.Fail && c.Actual == 20m && c.Expected == 21m);
        Assert.Contains(built, c => c.Rule == "budget.t05.total_equals_sum_of_classes" && c.Status == CheckStatus.Pass);
    }

    [Fact]
    public void Text_facts_read_prose_never_a_tables_own_cells()
    {
        // A table page whose 本年收入合计 0.00 line would otherwise read as the text "stating" it.
        var lines = new[]
        {
            new TextLine("本年收入合计为120.50万元。", new Box(50, 700, 400, 712), []),
            new TextLine("本年收入合计 0.00", new Box(50, 400, 400, 412), []),
        };
        var content = new DocumentContent("sha", "x.pdf", "application/pdf", [new PageContent(1, 595, 842, [], lines, [])], [], new Dictionary<string, string>());
        var table = new ReportTable { Id = TableIds.BudgetRevenue, Regions = [new TableRegion(1, [40, 380, 500, 450])] };
        var prose = ProseLines.Of(content, [table]);
        Assert.Equal(["本年收入合计为120.50万元。"], prose.Pages[0].Lines.Select(l => l.Text));
        var statements = TextFactReader.Read(prose.Pages, DocumentKinds.Budget, 2026, null);
        Assert.Equal(120.50m, statements.Single(s => s.Key == FactKeys.IncomeTotal).Value);
    }
}

/// <summary>Grouping and continuation read by the mapper from raw grids as the table finders give them.</summary>
public class TableShapeTests
{
    private static RawCell C(string text, double left = 0, double bottom = 0) => new(text, new Box(left, bottom, left + 40, bottom + 10));

    private static RawRow R(int page, double bottom, params string[] cells) =>
        new(cells.Select((t, i) => C(t, 50 + 60 * i, bottom)).ToList(), page, new Box(50, bottom, 50 + 60 * cells.Length, bottom + 10));

    private static readonly DocumentContent Empty = new("sha", "x.pdf", "application/pdf", [], [], new Dictionary<string, string>());

    private static readonly ReportDocument Budget = new() { Sha256 = "sha", Source = "x.pdf", MediaType = "application/pdf", Kind = DocumentKinds.Budget, FiscalYear = 2026, Unit = "万元" };

    [Fact]
    public void A_单位名称_column_gives_each_row_its_unit_and_not_its_name()
    {
        var raw = new RawTable([
            R(1, 700, "单位名称", "科目编码", "科目名称", "合计"),
            R(1, 680, "", "", "合计", "30.00"),
            R(1, 660, "甲单位", "201", "一般公共服务支出", "10.00"),
            R(1, 640, "", "20108", "审计事务", "10.00"),
            R(1, 620, "乙单位", "201", "一般公共服务支出", "20.00"),
            R(1, 600, "", "20108", "审计事务", "20.00"),
        ], 1, 1, new Box(50, 600, 290, 710), "lattice") { Caption = ["一般公共预算支出功能分类预算表"] };
        var t = new CanonicalTableMapper().Map(Empty, [raw], Budget).Single();
        Assert.Equal(TableIds.BudgetGeneralFunctional, t.Id);
        Assert.Equal(["甲单位", "甲单位", "乙单位", "乙单位"], t.Rows.Where(r => r.Code is not null).Select(r => r.BudgetUnit));
        Assert.All(t.Rows.Where(r => r.Code is not null), r => Assert.DoesNotContain("单位", r.Label));
        var checks = new CheckBuilder();
        HierarchyChecks.Run(new CheckContext([t], false), checks);
        Assert.All(checks.Build(), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_table_too_wide_for_its_page_continues_its_rows_with_the_next_pages_columns()
    {
        // 收入总表 printed over two pages: 本年收入 on the first, 其他收入 (still under 本年收入) and 上年结转结余 on the next.
        var first = new RawTable([
            R(3, 700, "合计", "本年收入", "本年收入", "本年收入"),
            R(3, 690, "合计", "小计", "一般公共预算资金", "事业收入"),
            R(3, 670, "1,048.50", "992.60", "870.70", "51.80"),
        ], 3, 3, new Box(50, 670, 290, 710), "lattice") { Caption = ["收入总表"] };
        first = first with { Rows = [first.Rows[0] with { Cells = [C("合计") with { RowSpan = 2 }, C("本年收入") with { ColSpan = 3 }, RawCell.Covered(), RawCell.Covered()] },
            first.Rows[1] with { Cells = [RawCell.Covered(), C("小计"), C("一般公共预算资金"), C("事业收入")] }, first.Rows[2]] };
        var second = new RawTable([
            R(4, 700, "其他收入", "上年结转结余", "上年结转结余"),
            R(4, 690, "其他收入", "小计", "一般公共预算资金"),
            R(4, 670, "70.10", "55.90", "25.40"),
        ], 4, 4, new Box(50, 670, 230, 710), "lattice") { Caption = ["收入总表"] };
        second = second with { Rows = [second.Rows[0] with { Cells = [C("其他收入") with { RowSpan = 2 }, C("上年结转结余") with { ColSpan = 2 }, RawCell.Covered()] },
            second.Rows[1] with { Cells = [RawCell.Covered(), C("小计"), C("一般公共预算资金")] }, second.Rows[2]] };
        var t = Assert.Single(new CanonicalTableMapper().Map(Empty, [first, second], Budget));
        Assert.Equal((3, 4), (t.PageStart, t.PageEnd));
        var row = Assert.Single(t.Rows);
        Assert.Equal(70.10m, row.Values["本年收入/其他收入"]);
        Assert.Equal(55.90m, row.Values["上年结转结余/小计"]);
        var checks = new CheckBuilder();
        RowTotalChecks.Run(new CheckContext([t], false), checks);
        Assert.All(checks.Build(), c => Assert.Equal(CheckStatus.Pass, c.Status));
        Assert.EndsWith("(and 1 more)", Assert.Single(checks.Build()).Message); // 合计 = Σ both groups, 本年收入/小计 = Σ its three
    }
}

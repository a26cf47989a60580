using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

/// <summary>OCR-garbled titles, headers and labels mended against the known vocabulary; text layers left alone.</summary>
public class OcrTextRepairTests
{
    [Fact]
    public void GlyphsOcrConfusesCostHalfASubstitution()
    {
        Assert.True(ApproximateMatch.Distance("年末结转和结余", "年未结转和结余") < ApproximateMatch.Distance("年初结转和结余", "年未结转和结余"));
        var hit = ApproximateMatch.Find("财务收支预算总表", "2026年部门财务收文预算总表");
        Assert.Equal((7, 8, 0.5), (hit.Start, hit.Length, hit.Cost));
        Assert.Equal(1, ApproximateMatch.Distance("小计", "计小")); // neighbours swapped
    }

    [Theory]
    [InlineData("2026年部门财务收文预算总表", "budget.t01_revenue_expenditure_summary")]
    [InlineData("2026年部门文出预算总表", "budget.t03_expenditure")]
    [InlineData("2026年部门财政拨款收文预算总表", "budget.t04_fiscal_summary")]
    [InlineData("一般公共预算财政拨款支出诀算表", "final.t05_general_budget_expenditure")]
    public void GarbledTitlesFindTheirTable(string ocr, string id) =>
        Assert.Equal(id, TableClassifier.Classify([OcrTextRepair.Title(ocr)], [], DocumentKinds.Budget).Id);

    [Theory]
    [InlineData("一般公共预算财政拨款支出决算表")] // exact: never turned into the longer 基本支出 title
    [InlineData("收入决算表")]
    [InlineData("项目绩效目标表")]
    [InlineData("十、2018年度某单位政府性基金预算财政拨款支出预算表")] // near a final account's title, but its 预算 was read right
    public void ReadableTitlesStayAsPrinted(string title) => Assert.Equal(title, OcrTextRepair.Title(title));

    [Theory]
    [InlineData("一、财政拨款收人", "一、财政拨款收入")]
    [InlineData("年未结转和结余", "年末结转和结余")]
    [InlineData("事业运行", "事业运行")]          // a real name two errors from 事业收入
    [InlineData("其他支出", "其他支出")]
    [InlineData("快算数", "快算数")]              // as near 预算数 as 决算数: left as printed
    [InlineData("行政运行", "行政运行")]
    public void LabelsAreMendedOnlyWhenOneTermIsClearlyMeant(string ocr, string expected) =>
        Assert.Equal(expected, OcrTextRepair.Cell(ocr));

    [Theory]
    [InlineData("国会出国〈境)费", "因公出国(境)费")]
    [InlineData("因公出〈境)nT)费", "因公出国(境)费")]
    [InlineData("会用经费", "公用经费")]
    [InlineData("计小", "小计")]
    [InlineData("公务用车wRar运行费", "公务用车运行费")]
    [InlineData("快算数", "快算数")]
    [InlineData("功能分类科目编码", "功能分类科目编码")]
    [InlineData("公国《境)费因出", "因公出国(境)费")]     // wrapped lines read out of order
    [InlineData("预算_般公共财政拨款", "一般公共预算财政拨款")]
    [InlineData("本人年支出口计", "本年支出合计")]
    [InlineData("年未结转和出结余", "年末结转和结余")]
    [InlineData("年初预算数", "年初预算数")]
    [InlineData("基本支出合计", "基本支出合计")]     // as near 本年支出合计 in any order, but 基本 was read right
    public void HeaderCellsAreComparedWholeAndMoreLeniently(string ocr, string expected) =>
        Assert.Equal(expected, OcrTextRepair.HeaderCell(ocr));

    [Fact]
    public void OcrTablesAreMendedAndTextTablesAreNot()
    {
        var raw = new RawTable(
        [
            Row("项目", "预算数"),
            Row("一、财政拨款收人", "96.282.213.44"),
            Row("二、事业收入", "1284,02"),
            Row("三、其他收入", "26233"),
            Row("四、上级补助收入", "0.00"),
            Row("五、附属单位上缴收入", "0.00"),
            Row("收入总计", "96,282,213.44"),
        ], 1, 1, new Box(50, 500, 500, 700), "lattice") { Caption = ["2026年部门文出预算总表"] };
        var profile = new ReportDocument { Sha256 = "x", Source = "x.pdf", MediaType = "application/pdf", Kind = DocumentKinds.Budget };

        var scanned = new CanonicalTableMapper().Map(Document(0.9), [raw], profile).Single();
        Assert.Equal("budget.t03_expenditure", scanned.Id);
        Assert.Equal("一、财政拨款收入", scanned.Rows[0].Label);
        Assert.Equal(96282213.44m, scanned.Rows[0].Values["预算数"]);
        Assert.Equal(1284.02m, scanned.Rows[1].Values["预算数"]);  // a decimal comma
        Assert.Equal(262.33m, scanned.Rows[2].Values["预算数"]);   // a lost point, in a column printed with two decimals

        var text = new CanonicalTableMapper().Map(Document(1.0), [raw], profile).Single();
        Assert.DoesNotContain(text.Rows, r => r.Label.Contains("财政拨款") && r.Values.Count > 0);
        Assert.DoesNotContain(text.Rows, r => r.Label == "一、财政拨款收入");
    }

    [Fact]
    public void CodePartsSurviveAnUnreadClassHeaderAndLettersForDigits()
    {
        var raw = new RawTable(
        [
            Row("科目编码", "", "", "科目名称", "合计"),
            Row("", "款", "机", "", ""),
            Row("201", "", "", "一般公共服务支出", "10.00"),
            Row("201", "06", "", "财政事务", "10.00"),
            Row("201", "06", "Ol", "行政运行", "10.00"),
            Row("201", "。06", ",07", "信息化建设", "10.00."),
        ], 1, 1, new Box(50, 500, 500, 700), "lattice") { Caption = ["一般公共预算财政拨款支出决算表"] };
        var profile = new ReportDocument { Sha256 = "x", Source = "x.pdf", MediaType = "application/pdf", Kind = DocumentKinds.FinalAccount };
        var table = new CanonicalTableMapper().Map(Document(0.9), [raw], profile).Single();
        Assert.Equal(["201", "20106", "2010601", "2010607"], table.Rows.Select(r => r.Code));
        Assert.Equal(10.00m, table.Rows[^1].Values["合计"]);
    }

    private static RawRow Row(params string[] cells) => new(cells.Select(c => new RawCell(c)).ToList(), 1);

    private static DocumentContent Document(double confidence) =>
        new("x", "x.pdf", "application/pdf", [new PageContent(1, 595, 842, [], [], []) { TextConfidence = confidence }], [], new Dictionary<string, string>());
}

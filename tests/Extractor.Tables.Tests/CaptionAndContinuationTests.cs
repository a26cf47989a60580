using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Tables.Document;

namespace Extractor.Tables.Tests;

/// <summary>
/// Captions found by the document table extractor (the one place a PDF table's caption is found) and tables that run
/// on over pages, on hand-built pages with the tables already found (a stub finder), so only captions and stitching
/// are under test.
/// </summary>
public class CaptionAndContinuationTests
{
    private sealed class Given(Dictionary<int, List<RawTable>> tables) : IPageTableFinder
    {
        public IReadOnlyList<RawTable> Find(PageContent page, Box? area = null) => tables.GetValueOrDefault(page.Number) ?? [];
    }

    private static TextLine Line(string text, double left, double bottom, double width, double size = 10) =>
        new(text, new Box(left, bottom, left + width, bottom + size), [new TextWord(text, new Box(left, bottom, left + width, bottom + size), size, "F", false)]);

    private static PageContent Page(int number, params TextLine[] lines) => new(number, 600, 800, lines.SelectMany(l => l.Words).ToList(), lines, []);

    /// <summary>A ruled table: one row per entry of <paramref name="rows"/>, 20 pt high from <paramref name="top"/> down, columns at <paramref name="xs"/>.</summary>
    private static RawTable Ruled(int page, double[] xs, double top, params string[][] rows)
    {
        var raw = rows.Select((cells, r) => new RawRow(cells.Select((c, i) => new RawCell(c, new Box(xs[i], top - 20 * (r + 1), xs[i + 1], top - 20 * r))).ToList(), page)).ToList();
        return new RawTable(raw, page, page, new Box(xs[0], top - 20 * rows.Length, xs[^1], top), TableMethods.Lattice);
    }

    private static IReadOnlyList<RawTable> Extract(Dictionary<int, List<RawTable>> tables, params PageContent[] pages) =>
        new DocumentTableExtractor(new Given(tables)).Extract(new DocumentContent("sha", "t", "application/pdf", pages, [], new Dictionary<string, string>()));

    [Fact]
    public void ALineSetCentredOverATableNamesItThoughItReadsLikeNoTableTitle()
    {
        // A fee schedule in a budget statement: its title ends in 标准, not 表, and stands centred over the table.
        var table = Ruled(1, [100, 200, 300, 400, 500], 600, ["序号", "项目名称", "结构内容", "收费标准"], ["1", "快速路", "沥青砼", "342元/㎡"]);
        var page = Page(1, Line("收费标准:《关于调整城市道路挖掘修复费收费标准的通知》", 100, 640, 380), Line("城市道路挖掘修复费标准", 240, 612, 120));
        var t = Assert.Single(Extract(new() { [1] = [table] }, page));
        Assert.Equal("城市道路挖掘修复费标准", t.Title);

        // The last line of a paragraph, set from the left margin, names nothing.
        var prose = Page(1, Line("建筑垃圾再生产品及应用工程部位信息见", 100, 640, 380), Line("下列各项", 100, 612, 60));
        Assert.Null(Assert.Single(Extract(new() { [1] = [table] }, prose)).Title);

        // Nor does a flow chart's step drawn in a frame above the next step's frame.
        var boxed = new PageContent(1, 600, 800, [], [Line("拟作出的行政处罚决定", 240, 612, 120)], [new Ruling(230, 605, 230, 630), new Ruling(370, 605, 370, 630)]);
        boxed = boxed with { Words = boxed.Lines.SelectMany(l => l.Words).ToList() };
        Assert.Null(Assert.Single(Extract(new() { [1] = [table] }, boxed)).Title);
    }

    [Fact]
    public void ANumberedCaptionIsATitleWhateverItsLastWord()
    {
        var table = Ruled(1, [100, 200, 300, 400], 600, ["序号", "产品名称", "应用部位"], ["1", "粗骨料", "路基垫层"]);
        var page = Page(1, Line("建筑垃圾再生产品及应用工程部位信息见下表。", 100, 640, 380), Line("表4 各类建筑垃圾再生产品及应用工程部位", 140, 612, 300));
        var t = Assert.Single(Extract(new() { [1] = [table] }, page));
        Assert.Equal("表4 各类建筑垃圾再生产品及应用工程部位", TableCaption.Title(t.Caption));
    }

    [Fact]
    public void APageRulingOnlyTheRightHandColumnsContinuesTheTableOfThePageBefore()
    {
        // A project's cells span into the next page, where only the indicator columns are ruled.
        double[] all = [50, 150, 250, 350, 450, 550];
        var first = Ruled(1, all, 700, ["项目名称", "项目总额", "一级指标", "二级指标", "指标值"], ["信息系统运行", "835.73", "产出指标", "质量指标", "100"]);
        // The first part runs to the foot of its page: rows down to 660 on a page whose only other line is the page number.
        var second = Ruled(2, [250, 350, 450, 550], 760, ["成本指标", "经济成本指标", "363.41"], ["效益指标", "社会效益指标", "90"]);
        var pages = new[] { Page(1, Line("预算11表 项目支出绩效目标表", 150, 730, 200), Line("- 1 -", 290, 20, 20)), Page(2, Line("- 2 -", 290, 20, 20)) };
        var tables = Extract(new() { [1] = [first], [2] = [second] }, pages);
        var t = Assert.Single(tables);
        Assert.Equal((1, 2, 4), (t.PageStart, t.PageEnd, t.Rows.Count));
        Assert.All(t.Rows, r => Assert.Equal(5, r.Cells.Count));
        Assert.Equal(["", "", "成本指标", "经济成本指标", "363.41"], t.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void AFirstPartWithAMergedHeaderStillShowsItsColumnsToTheContinuation()
    {
        // The header's merged cell covers slots that carry no box of their own; the body rows show every column.
        double[] xs = [50, 150, 250, 350];
        var first = Ruled(1, xs, 700, ["网站名称", "", ""], ["首页网址", "http://example.gov.cn", "是"]);
        var header = first.Rows[0] with { Cells = [first.Rows[0].Cells[0] with { ColSpan = 3, Box = new Box(50, 680, 350, 700) }, RawCell.Covered(), RawCell.Covered()] };
        first = first with { Rows = [header, first.Rows[1]] };
        var next = Ruled(2, [50, 150, 350], 760, ["安全监测预警机制", "是"], ["年度报表发布", "是"]);
        var pages = new[] { Page(1, Line("政府网站工作年度报表", 150, 730, 200), Line("- 1 -", 290, 20, 20)), Page(2, Line("- 2 -", 290, 20, 20)) };
        var t = Assert.Single(Extract(new() { [1] = [first], [2] = [next] }, pages));
        Assert.Equal(4, t.Rows.Count);
    }

    [Fact]
    public void ASheetTooWideForItsPageIsLeftInTwoPartsForTheMappingToJoin()
    {
        // The same rows at the same heights, under nothing but the unit line: the columns the first page could not
        // hold. They are no rows of the first part; the canonical mapping joins them to the rows they continue.
        var left = Ruled(1, [50, 150, 250, 350], 600, ["合计", "本年收入", "事业收入"], ["1,048.72", "992.61", "51.78"]);
        var right = Ruled(2, [100, 200, 300], 600, ["其他收入", "上年结转结余"], ["2.93", "55.85"]);
        var pages = new[] { Page(1, Line("预算02表 收入总表", 150, 640, 120)), Page(2, Line("金额单位:万元", 220, 610, 80)) };
        var parts = Extract(new() { [1] = [left], [2] = [right] }, pages);
        Assert.Equal([(1, 1), (2, 2)], parts.Select(t => (t.PageStart, t.PageEnd)));
        Assert.Equal(["其他收入", "上年结转结余"], parts[1].Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void AFormPrintedAgainForAnotherProjectIsANewTableNotTheRestOfTheFormBefore()
    {
        // One 绩效目标填报表 per page, its title ruled inside the form: each page fills to its foot and the next starts at
        // its head with the same title, the same labels in the same places, and another project's values.
        double[] xs = [50, 150, 250, 350, 450, 550];
        string[][] Form(string project, string total, string indicator) =>
        [
            ["财政项目支出绩效目标填报表", "", "", "", ""],
            ["项目名称", project, "", "项目类别", "特定目标类"],
            ["主管部门", "街道办事处", "", "实施单位", "街道办事处"],
            ["项目资金总额", total, "", "年度资金申请总额", total],
            ["一级指标", "二级指标", "三级指标", "", "指标值"],
            ["产出指标", "数量指标", indicator, "", "≥12次"],
        ];
        var first = Ruled(1, xs, 140, Form("社区环境整治", "4,563,800.00", "整治行动"));
        var second = Ruled(2, xs, 760, Form("就业援助基地补贴", "6,351,000.00", "补贴对象审核完成率"));
        var pages = new[] { Page(1, Line("- 1 -", 290, 10, 20)), Page(2, Line("- 2 -", 290, 10, 20)) };
        var tables = Extract(new() { [1] = [first], [2] = [second] }, pages);
        Assert.Equal([(1, 1, 6), (2, 2, 6)], tables.Select(t => (t.PageStart, t.PageEnd, t.Rows.Count)));
        Assert.Equal("就业援助基地补贴", tables[1].Rows[1].Cells[1].Text);

        // The same form running on over the next page (its indicator lines only, or its header repeated above them)
        // is still one table.
        var rest = Ruled(2, xs, 760, ["效益指标", "社会效益指标", "居民满意度", "", "≥90%"], ["满意度指标", "服务对象满意度指标", "投诉率", "", "≤5%"]);
        Assert.Equal([(1, 2, 8)], Extract(new() { [1] = [first], [2] = [rest] }, pages).Select(t => (t.PageStart, t.PageEnd, t.Rows.Count)));
    }

    [Fact]
    public void AHeaderRepeatedWithAParagraphsWordsRunOntoItIsStillTheRepeatedHeader()
    {
        // A grid of projects: a project's 绩效目标 too long for its cell runs on over the header repeated at the head of
        // the next page, and its words join the header's 绩效目标 cell. The header is dropped all the same, not read
        // as a line of the grid.
        double[] xs = [50, 150, 250, 350, 450, 550];
        string[] header = ["项目名称", "项目总额", "绩效目标", "一级指标", "本年绩效指标值"];
        string[] sub = ["", "", "财政资金", "", ""];
        var first = Ruled(1, xs, 100, header, sub, ["“三农”监测项目", "140.92", "开展农业统计遥感调查", "产出指标", "95"]);
        var second = Ruled(2, xs, 760, ["项目名称", "项目总额", "绩效目标查物资的发放质", "一级指标", "本年绩效指标值"], sub,
            ["年度人口抽样调查", "576.79", "完成调查的全过程质量控制", "产出指标", "10"], ["", "", "", "效益指标", "3"]);
        var pages = new[] { Page(1, Line("- 1 -", 290, 10, 20)), Page(2, Line("- 2 -", 290, 10, 20)) };
        var t = Assert.Single(Extract(new() { [1] = [first], [2] = [second] }, pages));
        Assert.Equal(["项目名称", "", "“三农”监测项目", "年度人口抽样调查", ""], t.Rows.Select(r => r.Cells[0].Text));
    }
}

using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Recognition.Profile;

namespace Extractor.Recognition.Tests;

/// <summary>
/// The profile of layouts the labelled reports do not have, built as small documents: official notices filed beside
/// budgets, tables-only files whose agency and year are printed only in a form's cells, covers that split or omit the
/// agency's name.
/// </summary>
public class ProfileOnUnseenLayoutsTests
{
    private static PageContent Page(int number, params string[] lines) =>
        new(number, 595, 842, [], lines.Select(l => new TextLine(TextNormalizer.Normalize(l), default, [])).ToList(), []);

    private static ReportDocument Profile(IReadOnlyList<RawTable> tables, params PageContent[] pages) =>
        DocumentProfiler.Profile(new DocumentContent("sha", "test", "application/pdf", pages, [], new Dictionary<string, string>()), tables);

    private static ReportDocument Profile(params PageContent[] pages) => Profile([], pages);

    [Fact]
    public void AFundAllocationNoticeIsNoBudgetWhateverItsTitleSays()
    {
        // Letterhead, document number, then a title naming 预算: a notice, not the department's budget.
        var p = Profile(Page(1, "长沙市财政局", "长财金指〔2025〕2号", "长沙市财政局关于下达2025年普惠金融发", "展专项资金预算的通知",
            "各区县(市)财政局:", "现下达你单位2025年普惠金融发展专项资金预算,列入部门预算支出经济科目。"));
        Assert.Equal(DocumentKinds.Unknown, p.Kind);
        Assert.Equal("长沙市财政局", p.Agency);
        Assert.Null(p.FiscalYear);
        Assert.Equal("unknown", p.Scope);
        Assert.Equal("official_notice", p.Evidence["kind"].Source);
    }

    [Fact]
    public void ANoticesIssuerIsTheOrganBetweenItsNumberAndItsTitleOrOnItsLetterhead()
    {
        var issuedBelowNumber = Profile(Page(1, "包府办发〔2026〕11号", "包头市人民政府办公室", "关于印发包头市建筑垃圾污染环境",
            "防治工作规划(2025—2035年)的通知", "各旗、县、区人民政府:"));
        Assert.Equal(("unknown", "包头市人民政府办公室", (int?)null), (issuedBelowNumber.Kind, issuedBelowNumber.Agency, issuedBelowNumber.FiscalYear));

        // Joint issuers printed on one line give the first; a number after the title (规范性文件) is still a number.
        var joint = Profile(Page(1, "长商务发〔2023〕15号", "长沙市商务局长沙市财政局", "关于印发《长沙市服务外包产业发展专项资金", "管理办法》的通知"));
        Assert.Equal("长沙市商务局", joint.Agency);
        var numberAfter = Profile(Page(1, "四川省人民政府办公厅", "关于印发«四川省突发事件应急预案管理", "实施办法»的通知", "川办规〔2025〕11号"));
        Assert.Equal(("unknown", "四川省人民政府办公厅"), (numberAfter.Kind, numberAfter.Agency));
    }

    [Fact]
    public void ATablesOnlyFileTakesItsAgencyAndYearFromThePerformanceFormsCellsAndCaption()
    {
        // The national 部门整体支出绩效目标表: 部门名称 | name in its first row, (2026年度) under its title.
        RawRow Row(params string[] cells) => new(cells.Select(c => new RawCell(c)).ToList(), 3);
        var form = new RawTable([Row("部门名称", "北京市公安局"), Row("总体资金情况(万元)", "866,561.92")], 3, 3, null, "lattice")
            { Caption = ["预算12表部门整体支出绩效目标表", "( 2026年度)"] };
        var summary = new RawTable([Row("项目", "预算数"), Row("本年收入合计", "844,518.66")], 1, 1, null, "lattice")
            { Caption = ["预算01表收支总表", "金额单位:万元"] };
        var p = Profile([summary, form], Page(1, "预算01表 收支总表", "金额单位:万元"), Page(2), Page(3, "预算12表 部门整体支出绩效目标表", "2026(年度)"));
        Assert.Equal((DocumentKinds.Budget, "北京市公安局", (int?)2026), (p.Kind, p.Agency, p.FiscalYear));
    }

    [Fact]
    public void ACoverTitleSplitOverLinesLosesItsKindAndPublicationWords()
    {
        var p = Profile(Page(1, "北京市信访办公室部门 2026 年度部门预算", "信息公开", "目 录", "第一部分 2026 年度部门预算情况说明"));
        Assert.Equal(("北京市信访办公室", (int?)2026), (p.Agency, p.FiscalYear));
        var noYearWord = Profile(Page(1, "北京市人民政府国有资产监督管理委员会", "2026 部门预算情况的说明", "一、部门情况说明"),
            Page(2, "收入495,836.20万元比2025年初预算数增加较多,"));
        Assert.Equal(("北京市人民政府国有资产监督管理委员会", (int?)2026), (noYearWord.Agency, noYearWord.FiscalYear));
    }

    [Fact]
    public void AReportWithoutANameOnItsCoverIsNamedByItsDutyStatementNotByAWrappedSentence()
    {
        var p = Profile(Page(1, "第一部分 2026 年度部门预算情况说明", "一、部门情况说明", "第二部分 2026 年度部门预算报表"),
            Page(2, "一、部门情况说明", "(一)本部门职责情况", "北京市气象局属于公益性事业单位,职责是制定地方气", "象事业发展规划;"),
            Page(3, "单位:北京市人工影响天气中心;全市14个区设气象局,", "分别为:朝阳区气象局、海淀区气象局。"));
        Assert.Equal(("北京市气象局", (int?)2026), (p.Agency, p.FiscalYear));
    }

    [Fact]
    public void ASentenceMentioningABudgetOrALawsYearDoesNotMakeTheDocumentABudget()
    {
        var draft = Profile(Page(1, "附件", "遗址保护条例", "(征求意见稿)", "第一章 总则"),
            Page(2, "第十条 保护管理经费列入旗级财政预算,市级财政可根据需要给予补助。"));
        Assert.Equal(DocumentKinds.Unknown, draft.Kind);
        var list = Profile(Page(1, "工业企业行政合规指导清单", "序号 常见违法行为表现 法律依据", "1.【法律】《中华人民共和国环境保护法》(2014年修订)"));
        Assert.Null(list.FiscalYear);
    }
}

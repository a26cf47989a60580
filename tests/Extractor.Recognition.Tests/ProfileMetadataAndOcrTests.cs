using System.Text;
using Extractor.Core.Layout;
using Extractor.Core.Text;
using Extractor.Recognition.Profile;

namespace Extractor.Recognition.Tests;

public class ProfileMetadataAndOcrTests
{
    private static PageContent Page(int number, double confidence, params string[] lines) =>
        new(number, 595, 842, [], lines.Select(l => new TextLine(TextNormalizer.Normalize(l), default, [])).ToList(), [])
        { TextConfidence = confidence };

    private static DocumentContent Content(IReadOnlyDictionary<string, string> info, params PageContent[] pages) =>
        new("sha", "test", "application/pdf", pages, [], info);

    [Fact]
    public void AnOcrMisreadAgencyTakesTheReadingTheDocumentPrintsMostOften()
    {
        var content = Content(new Dictionary<string, string>(),
            Page(1, 0.8, "上上海市普陀区规划和目然资源局2024年度部门决算"),
            Page(2, 0.8, "目录", "第一部分上海市普陀区规划和自然资源局概况", "单位名称上海市普陀区规划和自然资源局(本级)"),
            Page(3, 0.8, "上海市普陀区规划和自然资源局2024年度部门决算说明", "上海市普陀区规划和自然资源管理事务中心"));
        var profile = DocumentProfiler.Profile(content, []);
        Assert.Equal("上海市普陀区规划和自然资源局", profile.Agency);
        Assert.Equal(2, profile.Evidence["agency"].Page);
    }

    [Fact]
    public void AnAgencyHalfReadAsLatinNoiseIsRebuiltFromItsChineseTail()
    {
        var content = Content(new Dictionary<string, string>(),
            Page(1, 0.8, "rPseLeeeeeKA社会工作部2024年度部门决算"),
            Page(2, 0.8, "目录", "第一部分中共上海市普陀区委社会工作部概况", "中共上海市普陀区委社会工作部负责贯彻落实"),
            Page(3, 0.8, "中共上海市普陀区委社会工作部2024年度收入总计", "纳入中共上海市普辽区委社会工作部决算的单位"));
        Assert.Equal("中共上海市普陀区委社会工作部", DocumentProfiler.Profile(content, []).Agency);
    }

    [Fact]
    public void AnAgencyFromTheTextLayerIsNeverOutvoted()
    {
        var content = Content(new Dictionary<string, string>(),
            Page(1, 1.0, "上海市普陀区规划和目然资源局2024年度部门决算"),
            Page(2, 1.0, "目录", "上海市普陀区规划和自然资源局概况", "上海市普陀区规划和自然资源局2024年度部门决算说明"));
        Assert.Equal("上海市普陀区规划和目然资源局", DocumentProfiler.Profile(content, []).Agency);
    }

    [Fact]
    public void ATitleRunTogetherWithAPostingDateGivesTheAgencyWithoutTheDatesDigits()
    {
        // A portal page re-saved as Word: its metadata grid (index number, posting dates) leads into the title, and
        // the title is read from the short lines joined.
        var content = Content(new Dictionary<string, string>(),
            Page(1, 1.0, "繁體", "登录", "005252370/2015-00036", "郑州市国土资源局", "部门预算", "2015-03-05", "2015-03-05",
                "郑州市国土资源局2015年度部门预算公开情况说明"));
        Assert.Equal("郑州市国土资源局", DocumentProfiler.Profile(content, []).Agency);
    }

    [Fact]
    public void AYearPrintedNowhereIsTakenFromTheDocumentInformationTitleOnlyWhenItNamesTheReport()
    {
        var tablesOnly = Page(1, 1.0, "收入支出预算总表", "单位:万元");
        var titled = DocumentProfiler.Profile(Content(new Dictionary<string, string> { ["title"] = "某某厅2019年部门预算公开表.xls" }, tablesOnly), []);
        Assert.Equal(2019, titled.FiscalYear);
        Assert.Equal("pdf_info.title", titled.Evidence["fiscal_year"].Source);
        var untitled = DocumentProfiler.Profile(Content(new Dictionary<string, string> { ["title"] = "2019年工作簿1.xls" }, tablesOnly), []);
        Assert.Null(untitled.FiscalYear);
    }
}

namespace Extractor.Pipeline.Tests;

/// <summary>Numbers from a web page carry element paths where a PDF's carry bboxes.</summary>
public class ElementPathProvenanceTests
{
    private const string Page = """
        <html><head><meta charset="utf-8"><title>2023年度部门决算</title></head><body>
        <div class="article"><h1>测试市测试局2023年度部门决算</h1>
        <p>一、收入支出决算总体情况说明</p>
        <p>2023年度收、支总计均为553.29万元。</p>
        <p>财政拨款“三公”经费支出决算表</p><p>单位:万元</p>
        <table>
          <tr><td rowspan="2">项目</td><td colspan="2">决算数</td></tr>
          <tr><td>合计</td><td>公务接待费</td></tr>
          <tr><td>财政拨款</td><td>3.72</td><td>3.72</td></tr>
        </table></div></body></html>
        """;

    [Fact]
    public void RowsAndTextFactsPointAtTheirElements()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"paths-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, Page);
        try
        {
            var report = new ReportExtractor().Extract(path);
            var row = Assert.Single(report.Tables.SelectMany(t => t.Rows), r => r.Label == "财政拨款");
            Assert.NotNull(row.Provenance?.Path);
            Assert.Contains("tr", row.Provenance!.Path);
            Assert.Null(row.Provenance.Bbox);
            var total = Assert.Single(report.Facts, f => f.Key == "grand_total");
            Assert.Equal(553.29m, total.Value);
            Assert.Contains("p", total.Provenance.Path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Zhengzhou_page_states_its_three_public_budget_in_quotes_and_older_wording()
    {
        // "“三公经费”预算数为71万元，其中：公务车辆运行维护费预算51万元；公务接待费预算20万元" (a 2015 budget page).
        var report = new ReportExtractor().Extract(Extractor.TestSupport.Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"));
        var facts = report.Facts.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(71m, facts["three_public.total"]);
        Assert.Equal(51m, facts["three_public.vehicle_operation"]);
        Assert.Equal(20m, facts["three_public.reception"]);
        Assert.All(report.Facts, f => Assert.StartsWith("html>body", f.Provenance.Path));
    }
}

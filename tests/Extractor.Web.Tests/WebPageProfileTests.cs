using Extractor.Pipeline;
using Extractor.TestSupport;

namespace Extractor.Web.Tests;

/// <summary>
/// Agency and year of a disclosure posted as a web page come from the page's own title and heading, never from the
/// portal's date/source line under the heading ("发布时间:2024-03-15 来源:区医疗保障局 浏览次数:15").
/// </summary>
public class WebPageProfileTests
{
    private static Core.Report.ReportDocument Profile(string html)
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html);
        try { return new ReportExtractor().Extract(path).Document; }
        finally { File.Delete(path); }
    }

    // The layout county portals built on the common government CMS print: site header, breadcrumb, the article's
    // heading in a div, an info line (date, source, views, font size), then the article.
    private static string Portal(string title, string heading, string info, string body) => $$"""
        <html><head><meta charset="utf-8"><title>{{title}}</title></head><body>
        <div class="header"><div class="logo">冷水滩区人民政府</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
        <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a></div>
        <div class="main"><div class="article-title">{{heading}}</div>
        <div class="article-info">{{info}}</div>
        <div class="article-content">{{body}}</div></div>
        <div class="footer">主办：冷水滩区人民政府办公室 备案号：湘ICP备00000000号</div>
        </body></html>
        """;

    private const string Body = """
        <p>一、部门基本情况</p><p>本部门主要职责是贯彻落实医疗保障工作的方针政策。</p>
        <p>二、收入支出预算总体情况</p><p>2024年部门预算收入总计1,234.56万元，支出总计1,234.56万元。</p>
        """;

    [Fact]
    public void The_agency_comes_from_the_heading_not_from_the_source_line_under_it()
    {
        var doc = Profile(Portal("永州市冷水滩区医疗保障局2024年部门预算公开_冷水滩区人民政府",
            "永州市冷水滩区医疗保障局2024年部门预算公开",
            "发布时间：2024-03-15 来源：区医疗保障局 浏览次数：15 字号：【大 中 小】",
            Body));
        Assert.Equal("永州市冷水滩区医疗保障局", doc.Agency);
        Assert.Equal(2024, doc.FiscalYear);
        Assert.Equal("budget", doc.Kind);
    }

    [Fact]
    public void Without_a_heading_the_pages_own_title_names_the_agency()
    {
        // The article opens straight on its text; only the <title> names the report.
        var doc = Profile(Portal("永州市冷水滩区医疗保障局2023年度部门决算公开 - 冷水滩区人民政府",
            "", "发布日期：2024-09-20 信息来源：区医疗保障局 阅读量：8", """
            <p>一、部门决算收入支出总体情况</p><p>本年度收入合计1,000.00万元，支出合计1,000.00万元。</p>
            """));
        Assert.Equal("永州市冷水滩区医疗保障局", doc.Agency);
        Assert.Equal(2023, doc.FiscalYear);
        Assert.Equal("html.title", doc.Evidence["agency"].Source);
    }

    [Fact]
    public void A_date_line_joined_to_the_heading_does_not_hide_the_agency()
    {
        // A saved portal page (fixture): its heading is followed at once by "日期:2025-02-10 【打印】".
        var doc = new ReportExtractor().Extract(Path.Combine(AppContext.BaseDirectory, "Fixtures", "portal", "ysgk-web-2025.html")).Document;
        Assert.Equal("某某区司法局", doc.Agency);
        Assert.Equal(2025, doc.FiscalYear);
    }

    [Fact]
    public void A_real_portal_page_keeps_its_agency_and_year()
    {
        var doc = new ReportExtractor().Extract(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html")).Document;
        Assert.Equal(("郑州市国土资源局", 2015), (doc.Agency, doc.FiscalYear));
    }
}

using System.Text;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.TestSupport;

namespace Extractor.Web.Tests;

public class HtmlDocumentReaderTests
{
    private static DocumentContent ReadFixture(string name) =>
        new HtmlDocumentReader().Read(TestPortal.FixturePath("portal", name), new ReadLimits());

    private static string AllText(DocumentContent c) => string.Join("\n", c.Pages[0].Lines.Select(l => l.Text));

    [Fact]
    public void Zhengzhou_page_keeps_the_report_and_drops_the_site_chrome()
    {
        var content = new HtmlDocumentReader().Read(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"), new ReadLimits());
        var text = AllText(content);
        Assert.Single(content.Pages);
        Assert.Equal("text/html", content.MediaType);
        Assert.Equal("郑州市国土资源局2015年度部门预算公开情况说明", content.Pages[0].Lines[0].Text);
        Assert.Contains("郑州市土地储备中心成立于2003年10月份", text);
        Assert.Contains("一、部门概况", text);
        Assert.Contains("2015年度,郑州市土地储备中心“三公经费”预算数为71万元", text); // NFKC: ，→,
        Assert.DoesNotContain("登录", text);
        Assert.DoesNotContain("豫ICP备", text);
        Assert.DoesNotContain("主办单位", text);
        Assert.DoesNotContain("清空", text);
        Assert.DoesNotContain("function", text);
        Assert.Equal(content.Pages[0].Lines.Count, content.LinePaths.Count);
        var path = content.LinePaths[(1, 1)];
        Assert.Contains(">p", path);
    }

    [Fact]
    public void Gbk_page_with_charset_only_in_meta_is_decoded()
    {
        var bytes = File.ReadAllBytes(TestPortal.FixturePath("portal", "ysgk-web-2025.html"));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var decoded = HtmlDecoding.Decode(bytes);
        Assert.Equal("meta", decoded.EncodingSource);
        Assert.Contains("某某区司法局2025年部门预算公开", decoded.Text);
        // A header charset wins over <meta>; a false UTF-8 label is not trusted.
        Assert.Equal("http", HtmlDecoding.Decode(bytes, "text/html; charset=GBK").EncodingSource);
        Assert.Equal("meta", HtmlDecoding.Decode(bytes, "text/html; charset=utf-8").EncodingSource);
        Assert.Equal("bom", HtmlDecoding.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>预算</p>")]).EncodingSource);
    }

    [Fact]
    public void Web_disclosure_keeps_headings_and_drops_chrome()
    {
        var content = ReadFixture("ysgk-web-2025.html");
        var lines = content.Pages[0].Lines;
        var text = AllText(content);
        Assert.Equal("某某区司法局2025年部门预算公开", lines[0].Text);
        foreach (var chrome in new[] { "热门搜索", "搜索", "首页", "打印", "字体", "分享到", "ICP备", "网站标识码", "下载", "当前位置" })
            Assert.DoesNotContain(chrome, text);
        var part = lines.Single(l => l.Text == "第一部分 部门概况");
        Assert.True(part.Bold);
        Assert.True(lines.Single(l => l.Text == "一、主要职能").Bold);
        Assert.False(lines.Single(l => l.Text == "二、机构设置").Bold);
        Assert.StartsWith("区司法局是区政府工作部门", lines.Single(l => l.Text.Contains("主要负责全区法治建设")).Text);
    }

    [Fact]
    public void Tables_expand_spans_and_take_their_captions()
    {
        var content = ReadFixture("ysgk-web-2025.html");
        Assert.Equal(3, content.NativeTables.Count);
        var summary = content.NativeTables[0];
        Assert.Equal("html", summary.Method);
        Assert.Equal(["2025年部门收支预算总表", "单位:万元"], summary.Caption);
        Assert.Equal(4, summary.ColumnCount);
        Assert.Equal(5, summary.Rows.Count); // the empty spacer row is dropped
        var top = summary.Rows[0].Cells;
        Assert.Equal("收 入", top[0].Text);
        Assert.Equal(2, top[0].ColSpan);
        Assert.True(top[1].IsCovered);
        Assert.Equal("支 出", top[2].Text);
        Assert.True(top[3].IsCovered);
        Assert.Equal("1,234.56", summary.Cell(2, 1));
        Assert.Equal("支出总计", summary.Cell(4, 2));
        Assert.All(summary.Rows, r => Assert.Equal(1, r.Page));
        Assert.All(summary.Rows.SelectMany(r => r.Cells).Where(c => !c.IsCovered), c => Assert.Contains("td", c.Path));

        var threePublic = content.NativeTables[1];
        Assert.Equal(["2025年“三公”经费预算表", "单位:万元"], threePublic.Caption);
        Assert.Equal(6, threePublic.ColumnCount);
        Assert.Equal(3, threePublic.Rows.Count);
        var h = threePublic.Rows[0].Cells;
        Assert.Equal((2, 1), (h[0].RowSpan, h[0].ColSpan));
        Assert.Equal("因公出国(境)费", h[1].Text); // <br> joined without a space between CJK
        Assert.Equal("公务用车购置及运行费", h[2].Text);
        Assert.Equal(3, h[2].ColSpan);
        Assert.Equal(2, h[5].RowSpan);
        var second = threePublic.Rows[1].Cells;
        Assert.True(second[0].IsCovered);
        Assert.True(second[1].IsCovered);
        Assert.Equal(["小计", "公务用车购置费", "公务用车运行费"], second.Skip(2).Take(3).Select(c => c.Text));
        Assert.True(second[5].IsCovered);
        Assert.Equal("2.30", threePublic.Cell(2, 5));

        // Title and unit rows inside the table become its caption.
        var fund = content.NativeTables[2];
        Assert.Equal(["2025年政府性基金预算支出表", "单位:万元"], fund.Caption.TakeLast(2));
        Assert.Equal("科目编码", fund.Cell(0, 0));
        Assert.Equal(2, fund.Rows.Count);
    }

    [Fact]
    public void Every_line_has_an_element_path_that_finds_it_again()
    {
        var path = TestPortal.FixturePath("portal", "ysgk-web-2025.html");
        var content = new HtmlDocumentReader().Read(path, new ReadLimits());
        var html = HtmlDecoding.Decode(File.ReadAllBytes(path)).Text;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var lines = content.Pages[0].Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var selector = content.LinePaths[(1, i)];
            var element = document.QuerySelector(selector);
            Assert.NotNull(element);
            var compact = Core.Text.TextNormalizer.Compact(Core.Text.TextNormalizer.Normalize(element!.TextContent));
            Assert.Contains(Core.Text.TextNormalizer.Compact(lines[i].Text).Split(' ')[0][..Math.Min(4, lines[i].Text.Length)], compact);
        }
    }

    [Fact]
    public void A_list_page_is_not_taken_for_a_report()
    {
        var page = HtmlPage.Parse(File.ReadAllBytes(TestPortal.FixturePath("portal", "list-0.html")), new Uri("http://127.0.0.1/zwgk/czyjs/index.html"));
        Assert.False(Crawler.SiteCrawler.IsDisclosurePage(page));
        Assert.Contains(page.Links, l => l.Text == "下一页" && l.Url.AbsolutePath == "/zwgk/czyjs/index_1.html");
        var report = HtmlPage.Parse(File.ReadAllBytes(TestPortal.FixturePath("portal", "ysgk-web-2025.html")), new Uri("http://127.0.0.1/a.html"));
        Assert.True(Crawler.SiteCrawler.IsDisclosurePage(report));
        var news = HtmlPage.Parse(File.ReadAllBytes(TestPortal.FixturePath("portal", "news-1.html")), new Uri("http://127.0.0.1/news/1.html"));
        Assert.False(Crawler.SiteCrawler.IsDisclosurePage(news));
    }

    [Fact]
    public void Seed_style_page_drops_print_font_and_app_blurbs()
    {
        const string html = """
            <html><head><meta charset="utf-8"><title>2020年度部门决算公开——咸宁市咸安区医疗保障局</title></head><body>
            <div class="head">咸安区人民政府<form><input name="q"><span>热门搜索:</span></form></div>
            <div class="main">
              <h2>2020年度部门决算公开——咸宁市咸安区医疗保障局</h2>
              <div class="meta"><span>日期: 2021-10-28</span><span>【 打印 】</span><span>【 字体: <a>大</a> <a>中</a> <a>小</a> 】</span></div>
              <div class="text">
                <p>第一部分 基本情况</p>
                <p>一、部门职责:</p>
                <p>咸安区医疗保障局是区政府组成部门,主要工作职责是:负责拟订和组织实施全区医疗保险、生育保险、医疗救助等医疗保障制度的政策措施和相关工作规划。</p>
                <p>监督管理全区医疗保障基金,建立健全医疗保障基金安全防控机制,推进医疗保障基金支付方式改革。</p>
                <p>二、2020
            年部门决算情况</p>
              </div>
            </div>
            <div class="app">新闻资讯一网打尽,政务服务尽在手中。<p>欢迎下载“云上咸安”APP、关注咸安政府网官方微信“咸安发布”</p><p>① 打开微信——发现——扫一扫,扫描左侧的“云上咸安”二维码下载APP。</p></div>
            </body></html>
            """;
        var file = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, html);
        try
        {
            var content = new HtmlDocumentReader().Read(file, new ReadLimits());
            var text = AllText(content);
            Assert.Contains("二、2020年部门决算情况", text);
            Assert.Contains("第一部分 基本情况", text);
            Assert.DoesNotContain("打印", text);
            Assert.DoesNotContain("字体", text);
            Assert.DoesNotContain("云上咸安", text);
            Assert.DoesNotContain("热门搜索", text);
            Assert.Equal("2020年度部门决算公开——咸宁市咸安区医疗保障局", content.Pages[0].Lines[0].Text);
        }
        finally { File.Delete(file); }
    }
}

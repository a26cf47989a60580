using System.Diagnostics;
using System.Text;
using Extractor.Core.Pipeline;

namespace Extractor.Web.Tests;

/// <summary>Issue 8: malformed markup, a wrong charset declaration and enormous pages, each built here.</summary>
public class HostileWebInputTests
{
    private const string Report = "<p>一、收入支出决算总体情况</p><p>2024年度收、支总计均为553.29万元。</p>";

    private static string Page(string charset, string body) =>
        $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"><title>某某局2024年度部门决算</title></head><body>{body}</body></html>";

    private static string Text(byte[] bytes, string? contentType = null) =>
        string.Join("\n", new HtmlDocumentReader().Read(bytes, "test.html", contentType).Pages[0].Lines.Select(l => l.Text));

    [Fact]
    public void Utf8_page_declaring_gb2312_is_read_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("gb2312", Report));
        Assert.Equal("sniffed", HtmlDecoding.Decode(bytes).EncodingSource);
        Assert.Contains("收、支总计均为553.29万元", Text(bytes));
        // The same holds for a wrong HTTP header.
        Assert.Contains("收、支总计均为553.29万元", Text(bytes, "text/html; charset=GBK"));
    }

    [Fact]
    public void Gbk_page_declaring_utf8_or_a_western_charset_is_read_as_gbk()
    {
        var gbk = Encoding.GetEncoding("GB18030");
        Assert.Contains("收、支总计均为553.29万元", Text(gbk.GetBytes(Page("utf-8", Report))));
        Assert.Contains("收、支总计均为553.29万元", Text(gbk.GetBytes(Page("windows-1252", Report))));
        Assert.Contains("收、支总计均为553.29万元", Text(gbk.GetBytes(Page("gbk", Report)), "text/html; charset=windows-1252"));
        // A real western page keeps its declared charset: é is not Chinese.
        var latin = Encoding.Latin1.GetBytes("<html><head><meta charset=windows-1252></head><body><p>Café budget 2024. Résumé.</p></body></html>");
        Assert.Contains("Café budget 2024. Résumé.", HtmlDecoding.Decode(latin).Text);
    }

    [Fact]
    public void Malformed_markup_still_gives_the_text_in_order()
    {
        // Unclosed p/td/b, misnested inline tags, stray end tags, bad character references, no </body>.
        var html = "<html><head><title>某某局2024年度部门决算</title></head><body><div><p>一、收入支出决算总体情况<p>收入总计"
                 + "<table><tr><td>收入总计<td>553.29<tr><td>支出总计<td>553.29</table><p>二、三公经费<b>公务接待费支出决算为3.72万元<i></b>"
                 + "说明</i></span></div></div></td>&#xZZ;&#99999999;<font color=red>完";
        var content = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(html), "bad.html");
        var lines = content.Pages[0].Lines.Select(l => l.Text).ToList();
        Assert.Contains("一、收入支出决算总体情况", lines);
        Assert.Contains(lines, l => l.Contains("公务接待费支出决算为3.72万元"));
        Assert.True(lines.IndexOf("一、收入支出决算总体情况") < lines.FindIndex(l => l.Contains("公务接待费")));
        var table = Assert.Single(content.NativeTables);
        Assert.Equal(["收入总计", "553.29"], table.Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Deeply_nested_markup_is_refused_quickly_with_a_reason()
    {
        var html = Page("utf-8", string.Concat(Enumerable.Repeat("<div>", 100_000)) + Report + string.Concat(Enumerable.Repeat("</div>", 100_000)));
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ExtractionException>(() => new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(html), "deep.html"));
        Assert.Equal("too_deep", e.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        // Ordinary depth, including thousands of unclosed paragraphs and cells, is fine.
        var flat = Page("utf-8", "<div><div>" + Report + "<table>" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"<tr><td>{i}<td><p>项目{i}"))
                                 + "</table></div></div>");
        Assert.Contains("收、支总计均为553.29万元", Text(Encoding.UTF8.GetBytes(flat)));
    }

    [Fact]
    public void Enormous_page_is_refused_with_a_reason_and_a_large_table_is_read_in_linear_time()
    {
        var rows = new StringBuilder();
        for (var i = 0; rows.Length < MarkupLimits.MaxBytes; i++) rows.Append($"<tr><td>2010{i % 100:00}</td><td>项目{i}</td><td>{i}.00</td></tr>");
        var huge = Encoding.UTF8.GetBytes(Page("utf-8", "<table>" + rows + "</table>"));
        var e = Assert.Throws<ExtractionException>(() => new HtmlDocumentReader().Read(huge, "huge.html"));
        Assert.Equal("too_large", e.Reason);

        // 20,000 rows (a 1.4 MB page): element paths used to cost O(rows²); now the read is about a second.
        var clock = Stopwatch.StartNew();
        var big = new StringBuilder("<table>");
        for (var i = 0; i < 20_000; i++) big.Append($"<tr><td>2010{i % 100:00}</td><td>项目{i}</td><td>{i}.00</td></tr>");
        var content = new HtmlDocumentReader().Read(Encoding.UTF8.GetBytes(Page("utf-8", big + "</table>")), "big.html");
        var table = Assert.Single(content.NativeTables);
        Assert.Equal(20_000, table.Rows.Count);
        Assert.EndsWith("tr:nth-of-type(20000)>td:nth-of-type(3)", table.Rows[^1].Cells[2].Path);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
    /// <summary>Issue 18, item 7: a charset this runtime refuses (UTF-7) is overruled like an unknown one, not a failure.</summary>
    [Fact]
    public void Unsupported_declared_charset_is_overruled_like_an_unknown_one()
    {
        var utf8 = Encoding.UTF8.GetBytes(Page("utf-7", Report));
        Assert.Contains("收、支总计均为553.29万元", Text(utf8));
        Assert.Contains("收、支总计均为553.29万元", Text(utf8, "text/html; charset=utf-7"));
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(Page("UTF-7", Report));
        Assert.Contains("收、支总计均为553.29万元", Text(gbk));
        Assert.Null(HtmlDecoding.Lookup("utf-7"));
    }

    /// <summary>Issue 18, item 13: random bytes or NULs saved as .html are not a web page, whatever the name says.</summary>
    [Fact]
    public void Binary_bytes_are_not_a_web_page()
    {
        var random = new byte[64 * 1024];
        new Random(18).NextBytes(random);
        foreach (var bytes in new[] { random, new byte[4096] })
        {
            var e = Assert.Throws<ExtractionException>(() => new HtmlDocumentReader().Read(bytes, "x.html"));
            Assert.Equal("not_html", e.Reason);
            Assert.Contains("binary", e.Message);
        }
        // A real page in GBK, UTF-16 or with a stray control character is still read.
        Assert.Contains("收、支总计均为553.29万元", Text(Encoding.GetEncoding("GB18030").GetBytes(Page("gbk", Report))));
        Assert.Contains("收、支总计均为553.29万元", Text([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Page("utf-16", Report))]));
        Assert.Contains("收、支总计均为553.29万元", Text(Encoding.UTF8.GetBytes(Page("utf-8", "\u0001" + Report))));
    }
}

using System.Text;
using Extractor.Core.Pipeline;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// Issue 18, item 16: a web page saved under a .pdf name failed as not_a_pdf whatever it held. The bytes decide: a
/// report inline is read as the web page it is, a landing page names the report's link, an error page is not a report.
/// </summary>
public sealed class MisnamedPageTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("extractor-misnamed-");
    private static readonly ReportExtractor Extractor = new();

    public void Dispose() => _dir.Delete(recursive: true);

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_report_published_as_a_web_page_and_saved_as_pdf_is_read_as_that_page()
    {
        var page = File.ReadAllBytes(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"));
        var asHtml = Extractor.Extract(Save("report.html", page));
        var asPdf = Extractor.Extract(Save("report.pdf", page));
        Assert.Equal("text/html", asPdf.Document.MediaType);
        Assert.Equal((asHtml.Document.Kind, asHtml.Document.FiscalYear, asHtml.Document.Agency), (asPdf.Document.Kind, asPdf.Document.FiscalYear, asPdf.Document.Agency));
        Assert.Equal(asHtml.Facts.Select(f => $"{f.Key}={f.Value}"), asPdf.Facts.Select(f => $"{f.Key}={f.Value}"));
        Assert.NotEmpty(asPdf.Facts);
    }

    [Fact]
    public void A_landing_page_saved_as_pdf_names_the_report_to_fetch()
    {
        var landing = Encoding.UTF8.GetBytes("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>某某区民政局2024年度部门决算公开</title></head>
            <body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
            <div class="content"><h1>某某区民政局2024年度部门决算公开</h1><p>发布时间：2025-08-30</p>
            <p>附件：<a href="/uploads/2025/08/mzj-2024-js.pdf">某某区民政局2024年度部门决算.pdf</a></p></div></body></html>
            """);
        var e = Assert.Throws<ExtractionException>(() => Extractor.Extract(Save("mzj-2024-js.pdf", landing)));
        Assert.Equal("report_is_attachment", e.Reason);
        Assert.Contains("/uploads/2025/08/mzj-2024-js.pdf", e.Message);
    }

    [Fact]
    public void An_error_page_saved_as_pdf_is_not_a_report()
    {
        var error = Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr><p>nginx</p></body></html>\n");
        var e = Assert.Throws<ExtractionException>(() => Extractor.Extract(Save("report.pdf", error)));
        Assert.Equal("not_a_report", e.Reason);
        Assert.Contains("404 Not Found", e.Message);
        // Bytes that are neither a PDF nor a page stay not_a_pdf.
        Assert.Equal("not_a_pdf", Assert.Throws<ExtractionException>(() => Extractor.Extract(Save("x.pdf", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]))).Reason);
    }
}

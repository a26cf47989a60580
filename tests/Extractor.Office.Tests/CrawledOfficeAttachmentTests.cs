using System.Net;
using System.Net.Sockets;
using System.Text;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;

namespace Extractor.Office.Tests;

/// <summary>A portal on 127.0.0.1 posting its 决算 as a Word file and its tables as an Excel workbook: both are crawled, read and stored with facts.</summary>
public sealed class CrawledOfficeAttachmentTests : IDisposable
{
    private readonly string _dir = OfficeFixtures.TempDir();
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (byte[] Body, string Type)> _files = [];

    public void Dispose()
    {
        _listener.Close();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Docx_and_xlsx_disclosures_are_crawled_and_stored_with_their_facts()
    {
        var docx = Path.Combine(_dir, "report.docx");
        var xlsx = Path.Combine(_dir, "tables.xlsx");
        OfficeFixtures.Seed000Docx(docx);
        OfficeFixtures.Seed003Xlsx(xlsx);
        _files["/files/2022-jsgk.docx"] = (File.ReadAllBytes(docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        _files["/files/2021-tables.xlsx"] = (File.ReadAllBytes(xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        _files["/robots.txt"] = ("User-agent: *\nDisallow:\n"u8.ToArray(), "text/plain");
        _files["/"] = (Encoding.UTF8.GetBytes("""
            <html><head><meta charset="utf-8"><title>财政预决算</title></head><body>
            <ul><li><a href="/zwgk/jsgk.html">2022年度部门决算公开</a></li></ul></body></html>
            """), "text/html; charset=utf-8");
        _files["/zwgk/jsgk.html"] = (Encoding.UTF8.GetBytes("""
            <html><head><meta charset="utf-8"><title>2022年度部门决算公开</title></head><body>
            <p>附件:</p>
            <p><a href="/files/2022-jsgk.docx">2022年度部门决算.docx</a></p>
            <p><a href="/files/2021-tables.xlsx">2021年度部门决算公开表.xlsx</a></p></body></html>
            """), "text/html; charset=utf-8");
        var root = Serve();

        var db = Path.Combine(_dir, "store.db");
        using (var store = ExtractorStore.Open(db))
        {
            var extractor = new ReportExtractor();
            using var crawler = new SiteCrawler(store, extractor.Extract, new CrawlOptions
            {
                Delay = TimeSpan.FromMilliseconds(5),
                Http = new HttpSettings { AttemptTimeout = TimeSpan.FromSeconds(10), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 },
            });
            crawler.CrawlAsync([root + "/"], CancellationToken.None).GetAwaiter().GetResult();
        }

        using var check = ExtractorStore.Open(db);
        var docs = check.Documents().ToList();
        var word = Assert.Single(docs, d => d.Source.EndsWith(".docx"));
        var excel = Assert.Single(docs, d => d.Source.EndsWith(".xlsx"));
        Assert.Equal("ok", word.Status);
        Assert.Equal("ok", excel.Status);
        Assert.Equal(root + "/zwgk/jsgk.html", word.FoundOn);
        var facts = check.Facts(new FactFilter()).ToList();
        Assert.Contains(facts, f => f.Sha256 == word.Sha256 && f.Key == "three_public.reception" && f.Value == 3.72m);
        Assert.Contains(facts, f => f.Sha256 == excel.Sha256 && f.Key == "income.total");
    }

    private string Serve()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var root = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(root + "/");
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                var path = ctx.Request.Url!.AbsolutePath;
                if (_files.TryGetValue(path, out var file))
                {
                    ctx.Response.ContentType = file.Type;
                    ctx.Response.OutputStream.Write(file.Body);
                }
                else ctx.Response.StatusCode = 404;
                ctx.Response.Close();
            }
        });
        return root;
    }
}

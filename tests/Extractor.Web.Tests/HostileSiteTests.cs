using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;

namespace Extractor.Web.Tests;

/// <summary>
/// Issue 18, items 5 and 6: a hostile site on 127.0.0.1 — a download whose body trickles in a byte at a time, and a
/// chain of "attachments" that are pages each linking the next one, forever.
/// </summary>
public sealed class HostileSiteTests : IDisposable
{
    private readonly HostileSite _site = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("extractor-hostile-site-");

    public void Dispose()
    {
        _site.Dispose();
        try { _dir.Delete(recursive: true); } catch (IOException) { }
    }

    private CrawlSummary Crawl(CrawlOptions options, out List<(string Url, string State, string? Outcome, int Depth)> frontier)
    {
        using var store = ExtractorStore.Open(Path.Combine(_dir.FullName, "store.db"));
        var stages = PipelineStages.Default() with { Tables = null, Sections = null, Facts = null, Checks = null };
        var extractor = new ReportExtractor(new ExtractionSettings(), stages);
        using var crawler = new SiteCrawler(store, extractor.Extract, options);
        var summary = crawler.CrawlAsync([_site.Base + "/"]).GetAwaiter().GetResult();
        frontier = store.Connection.Query<(string, string, string?, int)>("SELECT url, state, outcome, depth FROM crawl_urls ORDER BY seq").ToList();
        return summary;
    }

    private static CrawlOptions Options(int maxPages, TimeSpan total) => new()
    {
        MaxPages = maxPages,
        MaxDepth = 5,
        Delay = TimeSpan.Zero,
        Http = new HttpSettings { AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = total, RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 1 },
    };

    /// <summary>
    /// A body sent a byte every half second (the attack's server: a byte every 5 s) held `crawl --timeout-s 20` for over
    /// 129 s: the limit stopped at the headers. Now the request's deadline covers the body: the URL fails as timeout.
    /// </summary>
    [Fact]
    public void A_body_that_trickles_in_is_cut_off_at_the_request_deadline()
    {
        _site.Index("""<a href="/slow.pdf">2024年部门决算</a>""");
        var clock = Stopwatch.StartNew();
        Crawl(Options(10, TimeSpan.FromSeconds(3)), out var frontier);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"the crawl took {clock.Elapsed} (the server trickles for {HostileSite.TrickleFor})");
        var slow = Assert.Single(frontier, f => f.Url.EndsWith("/slow.pdf"));
        Assert.Equal(("failed", "timeout"), (slow.State, slow.Outcome));
    }

    [Fact]
    public async Task A_download_for_extract_has_the_same_deadline()
    {
        using var fetcher = new WebFetcher(new HttpSettings { AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(3), MaxRetries = 1 });
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => fetcher.DownloadAsync(new Uri(_site.Base + "/slow.pdf")));
        Assert.Contains("within 3 s", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// /page/N/x.pdf is a page linking /page/N+1/x.pdf, each link named as a disclosure: attachments were exempt from the
    /// depth limit and ranked above pages, so the chain took 99 of 100 fetches. Now an attachment link counts one level
    /// deeper than the page it is on, like any link: the chain ends after the depth limit and the real pages are crawled.
    /// </summary>
    [Fact]
    public void An_endless_chain_of_attachment_links_does_not_starve_the_real_pages()
    {
        var real = string.Concat(Enumerable.Range(1, 8).Select(i => $"""<a href="/zwgk/{i}.html">部门决算公开 {i}</a> """));
        _site.Index("""<a href="/page/1/x.pdf">2024年部门决算</a> """ + real);
        Crawl(Options(30, TimeSpan.FromSeconds(20)), out var frontier);
        var chain = frontier.Where(f => f.Url.Contains("/page/") && f.State != "pending").ToList();
        Assert.True(chain.Count <= 6, $"{chain.Count} chain links fetched: {string.Join(", ", chain.Select(c => c.Url))}");
        for (var i = 1; i <= 8; i++)
            Assert.Contains(frontier, f => f.Url.EndsWith($"/zwgk/{i}.html") && f.State == "done");
    }
}

/// <summary>The hostile site: an index page, a trickling download, an endless chain of pages posing as PDFs.</summary>
public sealed class HostileSite : IDisposable
{
    public static readonly TimeSpan TrickleFor = TimeSpan.FromSeconds(60);
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _index = "";

    public string Base { get; }

    public HostileSite()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        Base = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Base + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public void Index(string links) => _index = Page("2024年度部门决算公开", "<p>本页公开本部门2024年度部门决算，请点击下列链接查看。</p>" + links);

    private static string Page(string title, string body) =>
        $"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (path == "/slow.pdf")
            {
                response.ContentType = "application/pdf";
                response.ContentLength64 = 1_000_000;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TrickleFor && !_stop.IsCancellationRequested)
                {
                    await response.OutputStream.WriteAsync("%"u8.ToArray(), _stop.Token);
                    await response.OutputStream.FlushAsync(_stop.Token);
                    await Task.Delay(500, _stop.Token);
                }
                response.Abort();
                return;
            }
            string? html = path switch
            {
                "/" => _index,
                _ when path.StartsWith("/page/") && int.TryParse(path.Split('/')[2], out var n) =>
                    Page($"2024年度部门决算（第{n}部分）", $"<p>部门决算第{n}部分。</p><a href=\"/page/{n + 1}/x.pdf\">2024年部门决算 第{n + 1}部分</a>"),
                _ when path.StartsWith("/zwgk/") => Page("工作动态", "<p>一条新闻。</p>"),
                _ => null,
            };
            if (html is null) response.StatusCode = 404;
            else
            {
                var bytes = Encoding.UTF8.GetBytes(html);
                response.ContentType = "text/html; charset=utf-8";
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes, _stop.Token);
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            try { response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}

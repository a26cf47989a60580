using Xunit.Abstractions;
using Dapper;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;

namespace Extractor.Web.Tests;

/// <summary>The crawler against a real HTTP server on 127.0.0.1 serving the fixture portal.</summary>
public sealed class CrawlerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestPortal _offSite = new(portal: false);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "extractor-crawl-test-" + Guid.NewGuid().ToString("N"));

    private TestPortal? _portalField;
    private TestPortal _portal => _portalField ??= Start();

    private TestPortal Start()
    {
        Directory.CreateDirectory(_dir);
        return new TestPortal(_offSite.Base);
    }

    private string? _db;

    /// <summary>The store crawled into: a SQLite file, unless a test chose PostgreSQL (<see cref="Use"/>).</summary>
    private string Db => _db ??= Path.Combine(_dir, "store.db");

    private void Use(string kind)
    {
        if (kind == "postgres") _db = Extractor.TestSupport.PostgresServer.Instance.NewDatabase("crawl");
    }

    private static CrawlOptions Options(int maxPages = 1000) => new()
    {
        MaxPages = maxPages,
        MaxDepth = 5,
        Delay = TimeSpan.FromMilliseconds(5),
        Http = new HttpSettings { AttemptTimeout = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 2 },
    };

    private CrawlSummary Crawl(CrawlOptions options, Action<CrawlEvent, CancellationTokenSource>? onEvent = null)
    {
        using var stop = new CancellationTokenSource();
        using var store = ExtractorStore.Open(Db);
        // The real readers and profile (media type dispatch, kind/agency/year) and the real store; the table, section,
        // fact and check stages are tested elsewhere and only cost time here (three PDFs per crawl).
        var stages = PipelineStages.Default() with { Tables = null, Sections = null, Facts = null, Checks = null };
        if (!stages.Readers.Any(r => r.CanRead(HtmlDocumentReader.MediaType)))
            stages = stages with { Readers = [.. stages.Readers, new HtmlDocumentReader()] };
        var extractor = new ReportExtractor(new ExtractionSettings(), stages);
        using var crawler = new SiteCrawler(store, extractor.Extract, options);
        if (onEvent is not null) crawler.Progress += e => onEvent(e, stop);
        var summary = crawler.CrawlAsync([_portal.Base + "/"], stop.Token).GetAwaiter().GetResult();
        _portal.WaitIdle(TimeSpan.FromSeconds(10));
        foreach (var row in store.Connection.Query("SELECT depth, priority, link_kind, relevant, state, outcome, url, found_on FROM crawl_urls ORDER BY seq"))
            output.WriteLine($"{row.depth} {row.priority} {row.link_kind} {row.relevant} {row.state} {row.outcome} {row.url} <- {row.found_on}");
        return summary;
    }

    private List<DocumentRecord> Documents()
    {
        using var store = ExtractorStore.Open(Db);
        return store.Documents().ToList();
    }

    private string U(string path) => _portal.Base + path;

    private void AssertDisclosuresStoredOnce()
    {
        var docs = Documents().OrderBy(d => d.Source).ToList();
        var expected = new (string Source, string FoundOn, string? Status)[]
        {
            (U("/dl/report-2026"), U("/zwgk/czyjs/2026/ysgk.html"), "ok"),                 // redirect to /files/2026/budget.pdf
            (U("/download?id=7"), U("/zwgk/czyjs/2020/jxzp.html"), "ok"),                  // PDF known by Content-Type only
            (U("/files/shegongbu-2024.pdf"), U("/zwgk/czyjs/2024/jsgk.html"), "ok"),       // also under /files/mirror/: stored once
            (U("/getfile?id=8"), U("/zwgk/czyjs/2024/jsgk.html"), null),                   // .xls by Content-Disposition (a stub: ok or failed, as the Office reader sees it)
            (U("/zwgk/czyjs/2025/ysgk-web.html"), U("/zwgk/czyjs/index.html"), "ok"),      // a report published as a web page (500 once)
        };
        Assert.Equal(expected.Select(e => e.Source).Order(StringComparer.Ordinal), docs.Select(d => d.Source).Order(StringComparer.Ordinal));
        foreach (var (source, foundOn, status) in expected)
        {
            var doc = docs.Single(d => d.Source == source);
            Assert.Equal(foundOn, doc.FoundOn);
            if (status is not null) Assert.Equal(status, doc.Status);
        }
        Assert.Equal("某某区社工部2024年度部门决算.pdf", docs.Single(d => d.Source == U("/files/shegongbu-2024.pdf")).LinkText);
        var web = docs.Single(d => d.Source == U("/zwgk/czyjs/2025/ysgk-web.html"));
        Assert.Equal("text/html", web.MediaType);

        using var store = ExtractorStore.Open(Db);
        var db = store.Connection;
        // The mirror was fetched, recognised as the same content, and not stored again.
        var original = db.ExecuteScalar<string>("SELECT document FROM crawl_urls WHERE url = @u", new { u = U("/files/shegongbu-2024.pdf") });
        var mirror = db.QuerySingle("SELECT outcome, document FROM crawl_urls WHERE url = @u", new { u = U("/files/mirror/shegongbu-2024.pdf") });
        Assert.Contains((string)mirror.outcome, new[] { "duplicate", "not_modified" });
        Assert.Equal(original, (string)mirror.document);
        Assert.Equal(U("/files/2026/budget.pdf"), db.ExecuteScalar<string>("SELECT final_url FROM crawl_urls WHERE url = @u", new { u = U("/dl/report-2026") }));
        Assert.Equal("http_404", db.ExecuteScalar<string>("SELECT outcome FROM crawl_urls WHERE url = @u", new { u = U("/zwgk/czyjs/2023/missing.html") }));
        Assert.Equal(3, db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE url LIKE '%/private/%' AND outcome = 'disallowed'"));
        // HTTP metadata kept with each crawled document.
        Assert.Equal(5, db.ExecuteScalar<long>("SELECT count(DISTINCT sha256) FROM crawled_documents WHERE etag IS NOT NULL AND http_date IS NOT NULL"));
    }

    private void AssertPoliteness()
    {
        Assert.Empty(_offSite.AllHits); // nothing off-site fetched
        Assert.DoesNotContain(_portal.AllHits.Keys, k => k.StartsWith("/private/")); // robots.txt Disallow obeyed
        Assert.Equal(2, _portal.Hits("/zwgk/czyjs/2025/ysgk-web.html")); // 500 once, then retried
        Assert.Equal(2, _portal.Hits("/zwgk/czyjs/slow.html"));          // too slow once, then retried
        Assert.Equal(1, _portal.Hits("/news/1.html"));
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Crawl_stores_each_disclosure_once_and_recrawl_is_conditional(string kind)
    {
        Use(kind);
        var summary = Crawl(Options());
        Assert.Equal(0, summary.Pending);
        AssertDisclosuresStoredOnce();
        AssertPoliteness();
        Assert.DoesNotContain(Documents(), d => d.Source.Contains("/news/") || d.Source.EndsWith("index.html") || d.Source.EndsWith("jsgk.html"));

        // Re-crawl: every known URL asked again with If-None-Match; nothing downloaded or stored again.
        var before = _portal.Log.Count;
        var again = Crawl(Options());
        var second = _portal.Log.Skip(before).Where(l => l.Path != "/robots.txt").ToList();
        Assert.True(again.NotModified >= 10, $"not modified: {again.NotModified}");
        Assert.Empty(second.Where(l => l.Status == 200).Select(l => l.Path));
        Assert.All(second.Where(l => l.Status == 304), l => Assert.NotNull(l.IfNoneMatch));
        Assert.Equal(0, again.Stored);
        AssertDisclosuresStoredOnce();
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Crawl_stopped_half_way_resumes_without_refetching(string kind)
    {
        Use(kind);
        var first = Crawl(Options(maxPages: 7));
        Assert.Equal(7, first.Fetched);
        Assert.True(first.Pending > 0);
        var second = Crawl(Options());
        Assert.Equal(0, second.Pending);
        AssertDisclosuresStoredOnce();
        AssertPoliteness();
        foreach (var (path, hits) in _portal.AllHits)
        {
            var allowed = path switch
            {
                "/robots.txt" => 2, // once per run
                "/zwgk/czyjs/2025/ysgk-web.html" or "/zwgk/czyjs/slow.html" => 2,
                _ => 1,
            };
            Assert.True(hits <= allowed, $"{path} requested {hits} times");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Crawl_interrupted_after_a_download_resumes_without_refetching()
    {
        // Interrupted (as by Ctrl+C) right after the first disclosure is stored.
        Assert.ThrowsAny<OperationCanceledException>(() => Crawl(Options(), (e, stop) =>
        {
            if (e.Outcome == "disclosure") stop.Cancel();
        }));
        Assert.Single(Documents());
        var resumed = Crawl(Options());
        Assert.Equal(0, resumed.Pending);
        AssertDisclosuresStoredOnce();
        AssertPoliteness();
        Assert.All(_portal.AllHits.Where(h => h.Key.StartsWith("/files/") || h.Key.Contains("?id=")), h => Assert.Equal(1, h.Value));
    }

    [Fact]
    public void Robots_rules_longest_match_and_agent_groups()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /private/\nAllow: /private/open\n\nUser-agent: BadBot\nDisallow: /\n", "ExtractorCrawler");
        Assert.False(rules.IsAllowed(new Uri("http://127.0.0.1/private/a.pdf")));
        Assert.True(rules.IsAllowed(new Uri("http://127.0.0.1/private/open/a.pdf")));
        Assert.True(rules.IsAllowed(new Uri("http://127.0.0.1/zwgk/")));
        var bad = RobotsRules.Parse("User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n", "BadBot");
        Assert.False(bad.IsAllowed(new Uri("http://127.0.0.1/zwgk/")));
        var wildcard = RobotsRules.Parse("User-agent: *\nDisallow: /*.xls$\nCrawl-delay: 2\n", "ExtractorCrawler");
        Assert.False(wildcard.IsAllowed(new Uri("http://127.0.0.1/a/b.xls")));
        Assert.True(wildcard.IsAllowed(new Uri("http://127.0.0.1/a/b.xlsx")));
        Assert.Equal(TimeSpan.FromSeconds(2), wildcard.CrawlDelay);
    }

    [Fact]
    public void Urls_are_normalised_for_deduplication()
    {
        Assert.Equal("http://127.0.0.1/a/b.html", CrawlUrls.Normalize("HTTP://127.0.0.1:80/a/./x/../b.html#top")!.ToString());
        Assert.Equal("http://127.0.0.1:8080/", CrawlUrls.Normalize("http://127.0.0.1:8080")!.ToString());
        Assert.Null(CrawlUrls.Normalize("ftp://127.0.0.1/a"));
        var page = new Uri("http://127.0.0.1/zwgk/czyjs/index.html");
        Assert.Equal("http://127.0.0.1/zwgk/czyjs/index_1.html", CrawlUrls.Resolve(page, "index_1.html")!.ToString());
        Assert.Equal("http://127.0.0.1/files/a.pdf", CrawlUrls.Resolve(page, "../../files/a.pdf")!.ToString());
        Assert.Null(CrawlUrls.Resolve(page, "javascript:void(0)"));
        Assert.Null(CrawlUrls.Resolve(page, "#top"));
    }

    public void Dispose()
    {
        _portal.Dispose();
        _offSite.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}

public sealed class WebFetcherTests : IDisposable
{
    private readonly TestPortal _portal = new();

    [Fact]
    public async Task Downloads_follow_redirects_and_name_files_by_what_the_server_says()
    {
        using var fetcher = new WebFetcher(new HttpSettings { AttemptTimeout = TimeSpan.FromSeconds(1), RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 2 });
        using (var pdf = await fetcher.DownloadAsync(new Uri(_portal.Base + "/dl/report-2026")))
        {
            Assert.Equal(_portal.Base + "/files/2026/budget.pdf", pdf.FinalUrl.ToString());
            Assert.EndsWith(".pdf", pdf.Path);
            Assert.Equal("application/pdf", pdf.MediaType);
            Assert.NotNull(pdf.ETag);
            Assert.True(File.Exists(pdf.Path));
        }
        using (var xls = await fetcher.DownloadAsync(new Uri(_portal.Base + "/getfile?id=8")))
        {
            Assert.EndsWith(".xls", xls.Path); // from Content-Disposition
            Assert.Equal("gongkaibiao-2024.xls", xls.FileName);
        }
        using (var page = await fetcher.DownloadAsync(new Uri(_portal.Base + "/zwgk/czyjs/2025/ysgk-web.html"))) // 500 once: retried
        {
            Assert.EndsWith(".html", page.Path);
            Assert.Equal(2, _portal.Hits("/zwgk/czyjs/2025/ysgk-web.html"));
            var content = new HtmlDocumentReader().Read(page.Path, new Core.Pipeline.ReadLimits());
            Assert.Equal(3, content.NativeTables.Count);
        }
        var missing = await Assert.ThrowsAsync<HttpRequestException>(() => fetcher.DownloadAsync(new Uri(_portal.Base + "/nothing.html")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose() => _portal.Dispose();
}

using System.Net;
using System.Text.Json;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Serve.Web;
using Extractor.Store;
using Extractor.Store.Ingest;
using Extractor.TestSupport;
using Extractor.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Extractor.Serve.Tests;

/// <summary>
/// A store of three real documents — a local PDF, a PDF crawled from a loopback portal (kept next to the store by the
/// crawl) and a saved web page — served by `serve` on a free loopback port.
/// </summary>
public sealed class ServedStore : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public TempDir Dir { get; } = new();
    public ServeApp? App { get; private set; }
    public IBrowser? Browser { get; private set; }
    private IPlaywright? _playwright;
    private WebApplication? _portal;

    public string Db => Dir.File("s.db");

    public async Task InitializeAsync()
    {
        var settings = new ExtractionSettings();
        var stages = PipelineStages.Default(settings);
        if (!stages.Readers.Any(r => r.CanRead(HtmlDocumentReader.MediaType)))
            stages = stages with { Readers = [.. stages.Readers, new HtmlDocumentReader()] };
        var extractor = new ReportExtractor(settings, stages);
        using (var store = ExtractorStore.Open(Db))
        {
            var summary = await new IngestPipeline(store, (p, ct) => extractor.Extract(p, ct), new IngestOptions { Workers = 1 })
                .RunAsync([new IngestInput(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf"), Explicit: true),
                    new IngestInput(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"), Explicit: true)]);
            Assert.Equal(2, summary.Ok);

            // A portal on 127.0.0.1 whose disclosure page links a budget PDF; the crawl stores it under its URL.
            var report = await File.ReadAllBytesAsync(Corpus.Path("dev", "js-gy-2018-dept-budget.pdf"));
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _portal = builder.Build();
            _portal.MapGet("/", () => Results.Content("""
                <html><head><meta charset="utf-8"><title>部门预算公开</title></head><body><div class="list">
                <a href="/yusuan/2018.html">江苏省高级人民法院2018年部门预算公开</a></div></body></html>
                """, "text/html; charset=utf-8"));
            _portal.MapGet("/yusuan/2018.html", () => Results.Content("""
                <html><head><meta charset="utf-8"><title>江苏省高级人民法院2018年部门预算公开</title></head><body>
                <h1>江苏省高级人民法院2018年部门预算公开</h1><p>附件：<a href="/files/2018-budget.pdf">2018年部门预算</a></p></body></html>
                """, "text/html; charset=utf-8"));
            _portal.MapGet("/files/2018-budget.pdf", () => Results.Bytes(report, "application/pdf"));
            await _portal.StartAsync();
            var portal = _portal.Urls.First();
            using var crawler = new SiteCrawler(store, (p, ct) => extractor.Extract(p, ct),
                new CrawlOptions { Delay = TimeSpan.Zero, KeepDirectory = KeptFiles.BesideStore(Db) });
            var crawled = await crawler.CrawlAsync([portal + "/"]);
            Assert.True(crawled.Stored >= 1, $"the crawl stored {crawled.Stored} documents");
            Assert.Contains(store.Documents(), d => d.Source == portal + "/files/2018-budget.pdf" && d.Status == "ok");
        }
        // Serve shows only source files under its source root (issue 18): the ingested files' folder, as --source-root gives it.
        var corpusRoot = Path.GetDirectoryName(Path.GetDirectoryName(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf")))!;
        App = await ServeApp.StartAsync(new ServeOptions { DbPath = Db, Port = 0, SourceRoot = corpusRoot });
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (.ci/run installs it)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        if (_portal is not null) await _portal.DisposeAsync();
        Dir.Dispose();
    }
}

/// <summary>
/// End to end in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright for .NET; `playwright install`
/// is never run): the lists sort, filter, search and download what they show; a fact is highlighted on its page as its
/// own printed figure, not its row; a crawled PDF opens like a local one; a web page's fact opens the saved page with
/// its element highlighted; the chart compares one kind at a time on an axis; the document page works at 1024 px.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrowserTests(ServedStore served, ITestOutputHelper output) : IClassFixture<ServedStore>
{
    private async Task<(IPage Page, List<string> Errors)> Open(string path, int width = 1400, int height = 1000)
    {
        var page = await served.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // A saved web page's own scripts and stylesheets are blocked on purpose (it is shown inert): not errors of the app.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.Contains("404") && !m.Location.Contains("/api/documents/")) errors.Add(m.Text); };
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(served.App!.Url + path);
        return (page, errors);
    }

    private async Task<JsonElement> Api(string path)
    {
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync(served.App!.Url + path)).RootElement.Clone();
    }

    [Fact]
    public async Task A_fact_is_highlighted_as_its_own_figure_on_a_crawled_pdf()
    {
        var (page, errors) = await Open("/");
        await page.Locator("#documents a", new() { HasTextString = "江苏省高级人民法院" }).ClickAsync();

        // 三公经费 620.75 sits in the row whose first figure is 2,558.26 (with meeting and training costs).
        var fact = page.Locator("#facts tr[data-fact-key='three_public.total']").First;
        await fact.ClickAsync();
        var canvas = page.Locator("#page-canvas[data-rendered-page]");
        await canvas.WaitForAsync();
        var highlight = page.Locator("#viewer .highlight").First;
        await highlight.WaitForAsync();

        var sha = (await page.EvaluateAsync<string>("() => location.hash")).Split('/')[2].Split('?')[0];
        var doc = await Api($"/api/documents/{sha}");
        Assert.StartsWith("http://127.0.0.1", doc.GetProperty("document").GetProperty("source").GetString());
        var t09 = doc.GetProperty("tables").EnumerateArray().First(t => t.GetProperty("id").GetString() == "budget.t09_three_public_operating");
        var row = t09.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("values").EnumerateObject().Any(v => v.Value.GetDecimal() == 620.75m));
        double[] Box(string column) => row.GetProperty("cells").GetProperty(column).GetProperty("bbox").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var own = Box("“三公”经费/小计");
        var total = Box("合计");
        var shown = (await highlight.GetAttributeAsync("data-bbox"))!.Split(',').Select(double.Parse).ToArray();
        output.WriteLine($"highlight {string.Join(' ', shown)}; 三公 cell {string.Join(' ', own)}; 合计 cell {string.Join(' ', total)}; row {row.GetProperty("bbox")}");
        Assert.Equal(own, shown);
        Assert.True(shown[0] >= total[2] || shown[2] <= total[0], "the highlight covers the 合计 figure 2,558.26 too");

        var pageBox = (await canvas.BoundingBoxAsync())!;
        var box = (await highlight.BoundingBoxAsync())!;
        Assert.InRange(box.Width, 5, pageBox.Width / 6);
        Assert.InRange(box.X, pageBox.X - 3, pageBox.X + pageBox.Width);
        var inked = await page.EvaluateAsync<int>("""
            () => { const c = document.getElementById('page-canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 1] < 128 && d[i + 2] < 128 && d[i + 3] > 0) n++; return n; }
            """);
        Assert.True(inked > 1000, $"the page looks blank ({inked} dark pixels)");

        // A figure clicked in the table is highlighted the same way.
        await page.Locator("#tabs button[data-tab='tables']").ClickAsync();
        await page.Locator("td.cell", new() { HasTextString = "2,558.26" }).First.ClickAsync();
        await page.Locator("#viewer .highlight").First.WaitForAsync();
        var cellShown = (await page.Locator("#viewer .highlight").First.GetAttributeAsync("data-bbox"))!.Split(',').Select(double.Parse).ToArray();
        Assert.Equal(total, cellShown);
        var shot = Environment.GetEnvironmentVariable("EXTRACTOR_SCREENSHOT");
        if (!string.IsNullOrEmpty(shot)) await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_document_list_sorts_filters_searches_and_downloads_what_it_shows()
    {
        var (page, errors) = await Open("/");
        var rows = page.Locator("#documents tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(3, await rows.CountAsync());

        async Task<string[]> Column(int i) => (await page.Locator($"#documents tbody tr td:nth-child({i})").AllInnerTextsAsync()).ToArray();
        await page.Locator("#documents th[data-sort='fiscal_year']").ClickAsync();
        Assert.Equal(["2015", "2018", "2024"], await Column(2));
        await page.Locator("#documents th[data-sort='fiscal_year']").ClickAsync();
        Assert.Equal(["2024", "2018", "2015"], await Column(2));

        await page.Locator("select[data-filter='kind']").SelectOptionAsync("budget");
        Assert.Equal(2, await rows.CountAsync());
        Assert.All(await Column(3), k => Assert.Equal("budget", k));

        await page.Locator("#documents-search").FillAsync("郑州");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains("郑州市国土资源局", await rows.First.InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#documents-csv").ClickAsync());
        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("agency,fiscal_year,kind,scope,pages,status,source", lines[0]);
        Assert.Single(lines.Skip(1));
        Assert.StartsWith("郑州市国土资源局,2015,budget,", lines[1]);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_fact_list_filters_by_key_and_opens_the_fact_on_its_page()
    {
        var (page, errors) = await Open("/#/facts");
        await page.Locator("#facts tbody tr").First.WaitForAsync();
        await page.Locator("select[data-filter='key']").SelectOptionAsync("three_public.total");
        var rows = page.Locator("#facts tbody tr");
        Assert.Equal(3, await rows.CountAsync()); // every document states its 三公 total (the Shanghai one as 0, in words)
        await page.Locator("#facts th[data-sort='value']").ClickAsync();
        var values = (await page.Locator("#facts tbody tr td:nth-child(5)").AllInnerTextsAsync()).Select(v => decimal.Parse(v.Replace(",", ""))).ToList();
        Assert.Equal(values.Order().ToList(), values);
        Assert.Contains("三公", await page.Locator("#facts tbody tr td:nth-child(4)").First.InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_web_page_fact_opens_the_saved_page_with_its_element_highlighted()
    {
        var (page, errors) = await Open("/");
        await page.Locator("#documents a", new() { HasTextString = "郑州市国土资源局" }).ClickAsync();
        await page.Locator("#facts tr[data-fact-key='three_public.total']").First.ClickAsync();
        var frame = page.Locator("#page-frame[data-highlighted]");
        await frame.WaitForAsync();
        var path = await frame.GetAttributeAsync("data-highlighted");
        var text = await page.FrameLocator("#page-frame").Locator(".extractor-highlight").InnerTextAsync();
        output.WriteLine($"{path}: {text}");
        Assert.Contains("71", text);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_chart_shows_one_kind_sorted_by_value_on_an_axis_with_chinese_names()
    {
        var (page, errors) = await Open("/#/compare?key=three_public.total");
        await page.Locator("svg.chart rect.bar").First.WaitForAsync();
        Assert.Contains("“三公”经费合计", await page.Locator("#key option[selected]").InnerTextAsync());
        var kind = await page.Locator("#kind").InputValueAsync();
        Assert.Equal("budget", kind); // two budgets hold it, one final account: the larger kind first, never mixed
        var values = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('svg.chart rect.bar')].map(r => Number(r.dataset.value))");
        Assert.Equal(2, values.Length);
        Assert.Equal(values.OrderDescending().ToArray(), values);
        Assert.True(await page.Locator("svg.chart .tick").CountAsync() >= 2, "no axis ticks");
        Assert.Contains("万元", await page.Locator("svg.chart .unit").TextContentAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task At_1024_px_the_fact_table_is_not_cut_off()
    {
        var (page, errors) = await Open("/", 1024, 768);
        await page.Locator("#documents a", new() { HasTextString = "中共上海市普陀区委社会工作部" }).ClickAsync();
        var table = page.Locator("table#facts");
        await table.WaitForAsync();
        var box = (await table.BoundingBoxAsync())!;
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        output.WriteLine($"facts table {box.X:0}..{box.X + box.Width:0}, page scroll width {scrollWidth}");
        Assert.True(box.X + box.Width <= 1024, $"the facts table ends at {box.X + box.Width:0} px");
        Assert.True(scrollWidth <= 1024, $"the page is {scrollWidth} px wide");
        await page.Locator("#facts tr[data-fact-key='expenditure.total']").First.ClickAsync();
        await page.Locator("#viewer .highlight").First.WaitForAsync();
        Assert.Empty(errors);
    }
}

using Extractor.Pipeline;
using Extractor.Serve.Web;
using Extractor.Store;
using Extractor.Store.Ingest;
using Extractor.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Extractor.Serve.Tests;

/// <summary>
/// End to end in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright for .NET; `playwright install`
/// is never run): ingest a corpus PDF, start `serve` on a free loopback port, open the document, click a fact, and see
/// its source page rendered by pdf.js with the fact's bbox highlighted on it.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private readonly TempDir _dir = new();
    private ServeApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var pdf = Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf");
        using (var store = ExtractorStore.Open(_dir.File("s.db")))
        {
            var settings = new ExtractionSettings();
            var extractor = new ReportExtractor(settings, PipelineStages.Default(settings));
            var summary = await new IngestPipeline(store, (p, ct) => extractor.Extract(p, ct), new IngestOptions { Workers = 1 })
                .RunAsync([new IngestInput(pdf, Explicit: true)]);
            Assert.Equal(1, summary.Ok);
        }
        _app = await ServeApp.StartAsync(new ServeOptions { DbPath = _dir.File("s.db"), Port = 0 });
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task ClickingAFactShowsItsSourcePageWithTheBboxHighlighted()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(_app!.Url + "/");
        var link = page.Locator("#documents a", new() { HasTextString = "中共上海市普陀区委社会工作部" });
        await link.ClickAsync();

        // A fact read from a table, with a page and a real bbox.
        var fact = page.Locator("#facts tr[data-fact-key='expenditure.total']").First;
        await fact.WaitForAsync();
        await fact.ClickAsync();

        var canvas = page.Locator("#page-canvas[data-rendered-page]");
        await canvas.WaitForAsync();
        var highlight = page.Locator("#viewer .highlight").First;
        try { await highlight.WaitForAsync(); }
        catch (TimeoutException)
        {
            output.WriteLine("viewer: " + await page.InnerHTMLAsync("#viewer"));
            output.WriteLine("errors: " + string.Join(" | ", errors));
            throw;
        }

        var pageBox = await canvas.BoundingBoxAsync();
        var box = await highlight.BoundingBoxAsync();
        Assert.NotNull(pageBox);
        Assert.NotNull(box);
        output.WriteLine($"page {await canvas.GetAttributeAsync("data-rendered-page")}: canvas {pageBox!.Width}x{pageBox.Height}, highlight at {box!.X - pageBox.X:0},{box.Y - pageBox.Y:0} size {box.Width:0}x{box.Height:0}");
        Assert.InRange(pageBox.Width, 300, 2000);
        Assert.InRange(box.Width, 5, pageBox.Width);
        Assert.InRange(box.Height, 3, pageBox.Height / 4);
        Assert.InRange(box.X, pageBox.X - 3, pageBox.X + pageBox.Width);
        Assert.InRange(box.Y, pageBox.Y - 3, pageBox.Y + pageBox.Height);

        // The canvas holds a drawn page (not blank): some pixels are dark.
        var inked = await page.EvaluateAsync<int>("""
            () => { const c = document.getElementById('page-canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 1] < 128 && d[i + 2] < 128 && d[i + 3] > 0) n++; return n; }
            """);
        output.WriteLine($"dark pixels: {inked}");
        Assert.True(inked > 1000, $"the page looks blank ({inked} dark pixels)");

        var shot = Environment.GetEnvironmentVariable("EXTRACTOR_SCREENSHOT");
        if (!string.IsNullOrEmpty(shot)) await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });

        // The chart of agencies for that fact.
        await page.GotoAsync(_app.Url + "/#/compare?key=expenditure.total");
        await page.Locator("svg.chart rect.bar").First.WaitForAsync();
        Assert.Empty(errors);
    }
}

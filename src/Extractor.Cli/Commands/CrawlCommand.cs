using System.CommandLine;
using System.Globalization;
using Extractor.Core.Report;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;
using Extractor.Web;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor crawl URL... --db FILE [--max-pages N] [--max-depth N] [--delay-ms N]`: crawls each seed's site for
/// budget disclosures (attachments and report web pages) and ingests them into the store with the URL, the page that
/// linked them and the link text. One line per stored or failed document on stderr, a summary on stdout. The frontier
/// is in the store: run the same command again to resume an interrupted crawl, or to re-crawl (conditional GET) a
/// finished one. Exit 0 when the crawl ran (documents may have failed: they are stored with their reason), 1 when
/// the store cannot be opened, 2 for a bad URL or option, 130 when interrupted.
/// </summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("url") { Description = "seed URLs (http or https); the crawl stays on each seed's site", Arity = ArgumentArity.OneOrMore };
        var db = StoreCli.DbOption("the store (created if absent; it also holds the crawl frontier): " + StoreCli.DbHelp);
        var maxPages = new Option<int>("--max-pages") { Description = "URLs fetched in this run; the rest stays queued for the next run", HelpName = "N", DefaultValueFactory = _ => 1000 }
            .InRange(1, 10_000_000);
        var maxDepth = new Option<int>("--max-depth") { Description = "links followed from the seed (pagination and attachments do not count)", HelpName = "N", DefaultValueFactory = _ => 5 }
            .InRange(0, 100);
        var delay = new Option<int>("--delay-ms") { Description = "pause between two requests to one host (robots.txt Crawl-delay when longer)", HelpName = "N", DefaultValueFactory = _ => 1000 }
            .InRange(0, 3_600_000);
        var timeout = IngestCommand.TimeoutOption();
        timeout.Description = "each URL's time limit in seconds: its download (headers and body), then its extraction";
        var cmd = new Command("crawl", "Crawl government portals for budget disclosures and ingest what is found into the store.")
            { urls, db, maxPages, maxDepth, delay, timeout };
        cmd.SetAction(r =>
        {
            var dbPath = r.GetValue(db)!;
            return StoreCli.Run(dbPath, () => Run(r.GetValue(urls)!, dbPath, r.GetValue(maxPages), r.GetValue(maxDepth), r.GetValue(delay), r.GetValue(timeout)));
        });
        return cmd;
    }

    private static int Run(string[] urls, string dbPath, int maxPages, int maxDepth, int delayMs, int timeoutSeconds)
    {
        if (maxPages <= 0) throw new ArgumentException("--max-pages must be positive");
        if (maxDepth < 0) throw new ArgumentException("--max-depth must not be negative");
        if (delayMs < 0) throw new ArgumentException("--delay-ms must not be negative");
        foreach (var u in urls)
            if (CrawlUrls.Normalize(u) is null) throw new ArgumentException($"{u}: not an http(s) URL");
        var settings = IngestCommand.Settings(timeoutSeconds, new ExtractionSettings().MaxPages);

        using var store = ExtractorStore.Open(dbPath);
        var stages = PipelineStages.Default();
        if (!stages.Readers.Any(x => x.CanRead(HtmlDocumentReader.MediaType)))
            stages = stages with { Readers = [.. stages.Readers, new HtmlDocumentReader()] };
        var extractor = new ReportExtractor(settings, stages);
        Report Extract(string path, CancellationToken ct) => extractor.Extract(path, ct);

        using var crawler = new SiteCrawler(store, Extract, new CrawlOptions
        {
            MaxPages = maxPages, MaxDepth = maxDepth, Delay = TimeSpan.FromMilliseconds(delayMs),
            DocumentTimeout = settings.PerDocumentTimeout,
            KeepDirectory = store.Location.KeptFilesFolder,
            // The same limit bounds each download, body included: a server trickling bytes cannot hold the crawl.
            Http = new HttpSettings { TotalTimeout = settings.PerDocumentTimeout },
        });
        crawler.Progress += e =>
        {
            if (e.Outcome is "disclosure" or "disclosure_page" or "disclosure_failed" or "duplicate")
                Console.Error.WriteLine($"{e.Outcome}: {e.Url}{(e.Detail is null ? "" : "  " + e.Detail)}");
        };

        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            var s = crawler.CrawlAsync(urls, interrupt.Token).GetAwaiter().GetResult();
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"crawled {s.Fetched} URLs ({s.Pages} pages) in {s.Elapsed.TotalSeconds:0.0} s into {store.Path}"));
            Console.WriteLine(string.Create(inv, $"  stored       {s.Stored,6}"));
            Console.WriteLine(string.Create(inv, $"  failed       {s.StoredFailed,6}  (stored with their reason)"));
            Console.WriteLine(string.Create(inv, $"  duplicates   {s.Duplicates,6}  (content already stored)"));
            Console.WriteLine(string.Create(inv, $"  not modified {s.NotModified,6}"));
            Console.WriteLine(string.Create(inv, $"  disallowed   {s.Disallowed,6}  (robots.txt)"));
            Console.WriteLine(string.Create(inv, $"  unreachable  {s.Unreachable,6}  (the site did not answer: retried on the next run)"));
            Console.WriteLine(string.Create(inv, $"  errors       {s.Errors,6}  (HTTP errors, dead links, timeouts)"));
            Console.WriteLine(s.Pending > 0
                ? $"  pending      {s.Pending,6}  (run the same command again to continue)"
                : "  pending           0  (crawl finished; running it again re-crawls with conditional GET)");
            if (s.Failures.Count > 0)
            {
                Console.WriteLine($"failed URLs ({s.Failures.Count}):");
                foreach (var (url, reason) in s.Failures) Console.WriteLine($"  {url}  {reason}");
            }
            if (store.Location.KeptFilesFolder is { } kept)
                Console.WriteLine($"downloads kept in {kept} (serve opens them like local files)");
            return 0;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine("crawl: interrupted; run the same command again to resume");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

using Extractor.Crawler;
using Extractor.Pdf.Reading;
using Extractor.Store.Crawl;
using Hangfire;
using Hangfire.Server;

namespace Extractor.Jobs;

/// <summary>
/// A crawl as short jobs: each slice takes the site's lease, fetches a few URLs (the delay apart, robots.txt obeyed),
/// hands each disclosure to the shared folder and an extract job, lets the lease go and enqueues the next slice. A
/// worker killed mid-slice loses only that slice: the URL it was fetching stays pending, the job runs again once its
/// lease lapses. A slice that finds another worker holding the site ends at once (that worker's chain goes on).
/// </summary>
public sealed class CrawlJobs(WorkerContext context)
{
    /// <summary>URLs one slice fetches at most.</summary>
    public const int SliceUrls = 20;
    /// <summary>How long one slice runs at most.</summary>
    public static readonly TimeSpan SliceTime = TimeSpan.FromSeconds(60);

    [JobDisplayName("crawl {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 120, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> Slice(string site, PerformContext? perform, CancellationToken cancellation)
    {
        var job = perform?.BackgroundJob.Id;
        using var store = context.OpenStore();
        // A site's lease lapses as a dead worker's job does: a slice killed mid-crawl frees its site within --recover-s.
        var options = new CrawlOptions
        {
            Http = context.Http, DocumentTimeout = context.Settings.PerDocumentTimeout, Holder = context.Holder, Lease = context.Timeouts.Recover,
        };
        using var crawler = new SiteCrawler(store, new QueueSink(context), options);
        crawler.Progress += e =>
        {
            if (e.Outcome is "queued" or "duplicate" or "lease_lost" or "unreachable")
                context.Say($"job {job}: crawl {e.Outcome}: {e.Url}{(e.Detail is null ? "" : "  " + e.Detail)}");
        };
        var result = await crawler.CrawlSliceAsync(site, SliceUrls, SliceTime, job, cancellation);
        var s = result.Summary;
        var said = result.Busy
            ? $"site busy ({result.BusyWith} holds it)"
            : $"fetched {s.Fetched}, queued {s.Queued}, duplicates {s.Duplicates}, errors {s.Errors}, pending {s.Pending}"
              + (result.Finished ? "; crawl finished" : result.BudgetSpent ? "; page budget spent" : "");
        if (!result.Busy && !result.Finished && !result.BudgetSpent)
            context.Client.Enqueue<CrawlJobs>(JobQueues.Crawl, j => j.Slice(site, null, CancellationToken.None));
        context.Say($"job {job}: crawl slice {site}: {said}");
        return said;
    }
}

/// <summary>A downloaded disclosure goes to the shared folder and becomes an extract job (OCR queue for scans).</summary>
public sealed class QueueSink(WorkerContext context) : IDisclosureSink
{
    public Task<DisclosureOutcome> AcceptAsync(Disclosure d, CancellationToken cancellation)
    {
        using (var store = context.OpenStore())
            if (store.Find(d.Sha256) is { Status: "ok" })
                return Task.FromResult(new DisclosureOutcome("duplicate", $"same content as a stored document ({d.Sha256[..12]}…)"));
        var path = context.Files.Put(d.Sha256, d.Extension, d.Body);
        var queue = JobClient.QueueFor(path);
        var id = context.Client.Enqueue<DocumentJobs>(queue,
            j => j.Extract(new DocumentRequest(path, d.Url, d.FoundOn, d.LinkText, false), null, CancellationToken.None));
        return Task.FromResult(new DisclosureOutcome("queued", $"job {id} on {queue}"));
    }
}

using Extractor.Store;
using Extractor.Store.Crawl;
using Hangfire;
using Hangfire.Storage.Monitoring;

namespace Extractor.Jobs;

/// <summary>A queue's jobs: waiting, and taken by a worker.</summary>
public sealed record QueueCount(string Queue, long Waiting, long Fetched);

/// <summary>A failed job: what it was and why it failed.</summary>
public sealed record FailedJob(string Id, string What, string Reason, DateTime? FailedAt);

/// <summary>Everything `extractor status` prints, and serve's /api/jobs returns.</summary>
public sealed record JobCounts(
    long Enqueued, long Processing, long Scheduled, long Succeeded, long Failed, long Servers,
    IReadOnlyList<QueueCount> Queues, IReadOnlyList<FailedJob> RecentFailures, IReadOnlyList<string> Running,
    StoreCounts Store, IReadOnlyList<ClaimRecord> Claims, IReadOnlyList<CrawlSiteRecord> Sites);

/// <summary>Hangfire's counts (queued, running, retrying = scheduled, failed with reason) beside the store's.</summary>
public static class JobStatus
{
    public static JobCounts Read(StoreLocation location, int failures = 10)
    {
        var api = JobSetup.Storage(location, create: false).GetMonitoringApi();
        var stats = api.GetStatistics();
        var queues = JobQueues.All.Select(q => new QueueCount(q, api.EnqueuedCount(q), api.FetchedCount(q))).ToList();
        var failed = api.FailedJobs(0, failures)
            .Select(kv => new FailedJob(kv.Key, Describe(kv.Value.Job), kv.Value.ExceptionMessage ?? kv.Value.Reason ?? "", kv.Value.FailedAt))
            .ToList();
        var running = api.ProcessingJobs(0, 50)
            .Select(kv => $"{kv.Key} on {kv.Value.ServerId}: {Describe(kv.Value.Job)}")
            .ToList();
        using var store = ExtractorStore.Open(location.Value, create: false);
        return new JobCounts(stats.Enqueued, stats.Processing, stats.Scheduled, stats.Succeeded, stats.Failed, stats.Servers,
            queues, failed, running, store.Counts(), store.Claims(), new CrawlFrontier(store).Sites());
    }

    /// <summary>A job in words: the document's path or the crawled site.</summary>
    private static string Describe(Hangfire.Common.Job? job) => job?.Args.FirstOrDefault() switch
    {
        DocumentRequest r => $"extract {r.Source ?? r.Path}",
        string site when job.Method.Name == nameof(CrawlJobs.Slice) => $"crawl {site}",
        _ => job is null ? "(job data unavailable)" : $"{job.Type.Name}.{job.Method.Name}",
    };
}

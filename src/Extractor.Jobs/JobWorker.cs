using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;
using Hangfire;

namespace Extractor.Jobs;

public sealed record WorkerOptions
{
    public required StoreLocation Store { get; init; }
    /// <summary>Documents extracted at once (extract and ocr queues).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>Crawl slices at once: they mostly wait (the delay between requests), so they have threads of their own.</summary>
    public int CrawlWorkers { get; init; } = 4;
    /// <summary>Queues taken, the first preferred when several have work.</summary>
    public IReadOnlyList<string> Queues { get; init; } = JobQueues.All;
    public required string Files { get; init; }
    public ExtractionSettings Settings { get; init; } = new();
    public JobTimeouts Timeouts { get; init; } = new();
    public HttpSettings Http { get; init; } = new();
}

/// <summary>
/// `extractor worker`: Hangfire servers in this process taking jobs from the store's database until stopped (Ctrl+C,
/// SIGTERM): one for documents (extract, ocr) with <see cref="WorkerOptions.Workers"/> threads, one for crawl slices.
/// Any number of workers, on any number of machines that reach the database, share the queues.
/// </summary>
public static class JobWorker
{
    public static async Task RunAsync(WorkerOptions options, TextWriter log, CancellationToken stop)
    {
        var unknown = options.Queues.Except(JobQueues.All).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--queues: unknown queue {unknown[0]} (extract, ocr, crawl)");
        var storage = JobSetup.Storage(options.Store, options.Timeouts);
        using (ExtractorStore.Open(options.Store.Value)) { } // creates or migrates the store before any job runs
        var context = new WorkerContext(options.Store, options.Settings, new KeptFiles(options.Files), new BackgroundJobClient(storage),
            options.Timeouts, log, options.Http);
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        var servers = new List<BackgroundJobServer>();
        using var sweeper = new OrphanSweeper(options.Store, options.Timeouts, context.Say);
        try
        {
            var documents = options.Queues.Where(q => q != JobQueues.Crawl).ToArray();
            if (documents.Length > 0) servers.Add(new BackgroundJobServer(ServerOptions(name + ":documents", documents, options.Workers, context), storage));
            if (options.Queues.Contains(JobQueues.Crawl))
                servers.Add(new BackgroundJobServer(ServerOptions(name + ":crawl", [JobQueues.Crawl], options.CrawlWorkers, context), storage));
            sweeper.Start();
            context.Say($"worker {name}: {options.Workers} document threads on {string.Join(",", documents)}" +
                        (options.Queues.Contains(JobQueues.Crawl) ? $", {options.CrawlWorkers} crawl threads" : "") +
                        $"; store {options.Store.Display}; files {context.Files.Root}; a dead worker's job runs again within {options.Timeouts.RecoveryBound.TotalSeconds:0} s");
            try { await Task.Delay(Timeout.Infinite, stop); }
            catch (OperationCanceledException) { }
        }
        finally
        {
            foreach (var s in servers) s.SendStop();
            foreach (var s in servers) s.Dispose(); // waits for running jobs (up to the shutdown timeout), then requeues the rest
        }
    }

    private static BackgroundJobServerOptions ServerOptions(string name, string[] queues, int workers, WorkerContext context) => new()
    {
        ServerName = name,
        Queues = queues,
        WorkerCount = Math.Max(1, workers),
        Activator = new ContextActivator(context),
        ShutdownTimeout = TimeSpan.FromSeconds(30),
        HeartbeatInterval = TimeSpan.FromSeconds(10),
        ServerCheckInterval = TimeSpan.FromSeconds(30),
        ServerTimeout = TimeSpan.FromMinutes(1), // a dead worker leaves the dashboard's list after this
        SchedulePollingInterval = TimeSpan.FromSeconds(2),
    };

    /// <summary>Builds the jobs with this worker's context.</summary>
    private sealed class ContextActivator(WorkerContext context) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(DocumentJobs) ? new DocumentJobs(context)
            : jobType == typeof(CrawlJobs) ? new CrawlJobs(context)
            : base.ActivateJob(jobType);
    }
}

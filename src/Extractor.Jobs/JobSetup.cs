using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Extractor.Store;

namespace Extractor.Jobs;

/// <summary>The job queues: text documents, scans (OCR takes minutes; its own queue keeps it from starving text), crawl slices.</summary>
public static class JobQueues
{
    public const string Extract = "extract";
    public const string Ocr = "ocr";
    public const string Crawl = "crawl";
    public static readonly string[] All = [Extract, Ocr, Crawl];
}

/// <summary>
/// How soon work held by a worker that died is done again. Hangfire's defaults (30 minutes invisibility, 10 minutes
/// for a lock) would leave a killed worker's document untouched for half an hour; these keep it to seconds:
/// <list type="bullet">
/// <item><see cref="Recover"/>: a job fetched by a worker stays invisible to the others this long after the worker's
/// last sign of life. The worker renews it every fifth of that while it runs the job (sliding invisibility), so a long
/// OCR job is never run twice; a job whose worker was killed is put back at the head of its queue within this time
/// plus <see cref="OrphanSweeper.Interval"/>, and taken by the next worker that is free.</item>
/// <item><see cref="Lock"/>: a Hangfire lock (the scheduler's, a state change's) left by a dead worker is broken after
/// this long, so scheduled retries and continuations are not held up.</item>
/// <item><see cref="Poll"/>: how often an idle worker looks for work.</item>
/// </list>
/// </summary>
public sealed record JobTimeouts
{
    public TimeSpan Recover { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Lock { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a killed worker's job waits before it is first in line again (then the next free worker takes it).</summary>
    public TimeSpan RecoveryBound => Recover + OrphanSweeper.Interval + Poll;
}

/// <summary>Hangfire's storage in the store's own PostgreSQL database (schema hangfire), with <see cref="JobTimeouts"/>.</summary>
public static class JobSetup
{
    private static int _configured;

    /// <summary>Serializer settings every client and worker must share (set once per process).</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
    }

    /// <summary>
    /// The job storage of a PostgreSQL store; a SQLite store is refused with the reason. The store is opened first:
    /// with <paramref name="create"/> (enqueue, worker) its database is created and migrated as ingest does; without
    /// (status, serve) a database that does not exist or holds no store is refused in the store's own words. Either
    /// way Hangfire never meets a missing database: its schema installer, given one, retries for half a minute and
    /// then fails with the driver's message.
    /// </summary>
    public static JobStorage Storage(StoreLocation location, JobTimeouts? timeouts = null, bool create = true)
    {
        if (!location.IsPostgres)
            throw new ArgumentException($"{location.Display}: jobs need a PostgreSQL store (--db Host=…;Database=…); for one machine and a SQLite file use `extractor ingest` or `extractor crawl`");
        using (ExtractorStore.Open(location.Value, create)) { }
        Configure();
        timeouts ??= new JobTimeouts();
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = timeouts.Recover,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = timeouts.Lock,
            QueuePollInterval = timeouts.Poll,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(location.Value, options), options);
    }
}

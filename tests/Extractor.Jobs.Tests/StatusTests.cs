using System.Text.Json;
using Extractor.Store;
using Extractor.TestSupport;
using Hangfire;
using Hangfire.States;

namespace Extractor.Jobs.Tests;

/// <summary>
/// `extractor status` reads the queue as Hangfire keeps it in the store's PostgreSQL: jobs waiting per queue, a job
/// being retried, and a failed job with the reason it failed, beside the store's own counts. No worker runs: a job is failed the way a
/// worker fails it (Hangfire's FailedState with the exception, the extract job's retry policy applied), so the test does
/// not wait out the retries.
/// </summary>
public sealed class StatusTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Status_shows_waiting_jobs_per_queue_and_a_failed_job_with_its_reason()
    {
        var db = PostgresServer.Instance.NewDatabase("status");
        var seeds = Directory.GetFiles(Corpus.Path("seeds"), "*.txt");
        var enqueued = Cli.Run(_dir.Path, ["enqueue", .. seeds, "--db", db]);
        Assert.True(enqueued.Code == 0, enqueued.Stderr);

        var before = Cli.Run(_dir.Path, "status", "--db", db, "--format", "json");
        Assert.True(before.Code == 0, before.Stderr);
        using (var json = JsonDocument.Parse(before.Stdout))
        {
            var root = json.RootElement;
            Assert.Equal(seeds.Length, root.GetProperty("enqueued").GetInt64());
            Assert.Equal(0, root.GetProperty("failed").GetInt64());
            var extract = root.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == JobQueues.Extract);
            Assert.Equal(seeds.Length, extract.GetProperty("waiting").GetInt64());
            Assert.Equal(0, root.GetProperty("store").GetProperty("documents").GetInt64());
        }

        var storage = JobSetup.Storage(StoreLocation.Parse(db));
        var client = new BackgroundJobClient(storage);
        var id = storage.GetMonitoringApi().EnqueuedJobs(JobQueues.Extract, 0, 1).Single().Key;
        var reason = "/shared/in/x.pdf: not found on this worker (vm:1); workers must see the paths enqueue gave";

        // A first failure is retried (the extract job's AutomaticRetry turns it into a scheduled retry)…
        Assert.False(client.ChangeState(id, new FailedState(new FileNotFoundException(reason)), EnqueuedState.StateName));
        var retrying = Cli.Run(_dir.Path, "status", "--db", db);
        Assert.Contains($"{seeds.Length - 1} waiting, 0 running, 1 retrying or scheduled, 0 succeeded, 0 failed", retrying.Stdout);

        // …and the failure after the last attempt stays failed, with its reason.
        using (var connection = storage.GetConnection())
            connection.SetJobParameter(id, "RetryCount", "3");
        Assert.True(client.ChangeState(id, new FailedState(new FileNotFoundException(reason)), ScheduledState.StateName));
        var after = Cli.Run(_dir.Path, "status", "--db", db);
        Assert.True(after.Code == 0, after.Stderr);
        Assert.Contains($"{seeds.Length - 1} waiting, 0 running, 0 retrying or scheduled, 0 succeeded, 1 failed", after.Stdout);
        Assert.Contains($"failed  job {id}: extract ", after.Stdout);
        Assert.Contains(reason, after.Stdout);
        Assert.Contains("store: 0 documents", after.Stdout);
    }

    /// <summary>A mistyped database name: status says in one line that it does not exist (before, Hangfire's schema
    /// installer retried for half a minute and the command ended in an internal error), and creates nothing.</summary>
    [Fact]
    public void Status_of_a_database_that_does_not_exist_says_so_in_a_line_and_creates_nothing()
    {
        var name = $"absent_{Environment.ProcessId}";
        var db = PostgresServer.Instance.Connection(name);
        var r = Cli.Run(_dir.Path, "status", "--db", db);
        Assert.NotEqual(0, r.Code);
        Assert.Contains($"database \"{name}\" does not exist", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
        using var admin = new Npgsql.NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
        admin.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", admin);
        cmd.Parameters.AddWithValue("n", name);
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
    }

    /// <summary>The first enqueue into a server database nobody created: the store is created and migrated, then
    /// the queue goes into it, and status reads both.</summary>
    [Fact]
    public void Enqueue_into_a_database_not_yet_created_makes_the_store_then_the_queue()
    {
        var db = PostgresServer.Instance.Connection($"fresh_{Environment.ProcessId}");
        var seed = Directory.GetFiles(Corpus.Path("seeds"), "*.txt").Order().First();
        var enqueued = Cli.Run(_dir.Path, ["enqueue", seed, "--db", db]);
        Assert.True(enqueued.Code == 0, enqueued.Stderr);
        var status = Cli.Run(_dir.Path, "status", "--db", db, "--format", "json");
        Assert.True(status.Code == 0, status.Stderr);
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("enqueued").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("store").GetProperty("documents").GetInt64());
    }

    public void Dispose() => _dir.Dispose();
}

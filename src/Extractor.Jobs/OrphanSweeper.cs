using Dapper;
using Extractor.Store;
using Npgsql;

namespace Extractor.Jobs;

/// <summary>
/// Hands back to its queue a job whose worker stopped answering. Hangfire.PostgreSql would fetch such a job again once
/// its invisibility timeout passed, but only after every job never fetched (it orders by fetchedat NULLS FIRST), so
/// behind a long backlog a killed worker's document would wait hours. Clearing fetchedat puts it back among the
/// waiting jobs, where its id (older than the backlog's) puts it first. A worker alive renews fetchedat every fifth of
/// the timeout (sliding invisibility), so only a dead worker's jobs are touched. Every worker sweeps; it is idempotent.
/// </summary>
public sealed class OrphanSweeper(StoreLocation store, JobTimeouts timeouts, Action<string> said) : IDisposable
{
    /// <summary>How often each worker looks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private Timer? _timer;
    private int _busy;

    public void Start() => _timer = new Timer(_ => Sweep(), null, Interval, Interval);

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1) return;
        try
        {
            using var db = new NpgsqlConnection(store.Value);
            db.Open();
            var jobs = db.Query<long>("""
                UPDATE hangfire.jobqueue SET fetchedat = NULL
                WHERE fetchedat < NOW() - make_interval(secs => @recover)
                RETURNING jobid
                """, new { recover = timeouts.Recover.TotalSeconds }).ToList();
            foreach (var job in jobs) said($"job {job}: its worker stopped answering; back at the head of its queue");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database is unreachable for now: the next sweep tries again.
        }
        finally { Volatile.Write(ref _busy, 0); }
    }

    public void Dispose() => _timer?.Dispose();
}

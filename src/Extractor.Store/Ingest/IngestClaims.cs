using System.Diagnostics;
using System.Globalization;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Extractor.Store.Ingest;

/// <summary>What <see cref="IngestClaims.TryClaim"/> found.</summary>
public enum ClaimResult { Claimed, ClaimedByAnotherRun }

/// <summary>
/// Claims of one ingest run on the documents it is reading (migration 0004), so that two `ingest` runs on one store
/// do not both read the same document: a run claims a sha256 before extracting it and releases it once stored. A
/// claim holds while its run is alive — on this host, while a process with that pid and start time runs; from another
/// host, while its heartbeat (every <see cref="IngestClaimOptions.Heartbeat"/>) is newer than
/// <see cref="IngestClaimOptions.StaleAfter"/> — so a run killed with kill -9 leaves nothing that blocks the next one.
/// Its own connection: workers claim while the writer writes. The same on SQLite and PostgreSQL (migration 0004 in both).
/// </summary>
public sealed class IngestClaims : IDisposable
{
    private readonly DbConnection _db;
    private readonly Lock _lock = new();
    private readonly IngestClaimOptions _options;
    private readonly Timer _heartbeat;
    private bool _disposed;

    public string RunId { get; } = Guid.NewGuid().ToString("N");

    private IngestClaims(DbConnection db, IngestClaimOptions options)
    {
        _db = db;
        _options = options;
        using var me = Process.GetCurrentProcess();
        _db.Execute("""
            INSERT INTO ingest_runs (run_id, host, pid, process_started, started_at, heartbeat_at)
            VALUES (@RunId, @host, @pid, @started, @now, @now)
            """, new { RunId, host = Environment.MachineName, pid = Environment.ProcessId, started = Stamp(me.StartTime.ToUniversalTime()), now = Now() });
        _heartbeat = new Timer(_ => Beat(), null, options.Heartbeat, options.Heartbeat);
    }

    /// <summary>Registers a run on the store at <paramref name="store"/> (its schema already migrated).</summary>
    public static IngestClaims Start(StoreLocation store, IngestClaimOptions? options = null)
    {
        DbConnection db = store.IsPostgres
            ? new NpgsqlConnection(store.Value)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Value, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            db.Open();
            if (!store.IsPostgres) db.Execute("PRAGMA busy_timeout = 30000");
            return new IngestClaims(db, options ?? new IngestClaimOptions());
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Claims <paramref name="sha256"/> unless a live run holds it; a dead run's claims are cleared first.</summary>
    public ClaimResult TryClaim(string sha256)
    {
        lock (_lock)
        {
            if (Insert(sha256)) return ClaimResult.Claimed;
            var holder = _db.ExecuteScalar<string?>("SELECT run_id FROM ingest_claims WHERE sha256 = @sha256", new { sha256 });
            if (holder == RunId) return ClaimResult.Claimed;
            ClearDeadRuns();
            return Insert(sha256) ? ClaimResult.Claimed : ClaimResult.ClaimedByAnotherRun;
        }
    }

    /// <summary>What the store holds for <paramref name="sha256"/> now (another run may have stored it since this one began).</summary>
    public StoredStatus? Stored(string sha256)
    {
        lock (_lock)
            return _db.QuerySingleOrDefault<StoredStatus>(
                "SELECT sha256, status, extractor_version, error_reason, duration_ms FROM documents WHERE sha256 = @sha256", new { sha256 });
    }

    /// <summary>Gives the claim up (the document is stored, or was not read after all).</summary>
    public void Release(string sha256)
    {
        lock (_lock)
            _db.Execute("DELETE FROM ingest_claims WHERE sha256 = @sha256 AND run_id = @RunId", new { sha256, RunId });
    }

    private bool Insert(string sha256) =>
        _db.Execute("INSERT INTO ingest_claims (sha256, run_id, claimed_at) VALUES (@sha256, @RunId, @now) ON CONFLICT DO NOTHING",
            new { sha256, RunId, now = Now() }) == 1;

    private sealed record Run(string RunId, string Host, long Pid, string ProcessStarted, string HeartbeatAt);

    /// <summary>Deletes the runs (and their claims) that are no longer alive.</summary>
    private void ClearDeadRuns()
    {
        var runs = _db.Query<Run>("SELECT run_id, host, pid, process_started, heartbeat_at FROM ingest_runs WHERE run_id <> @RunId", new { RunId });
        foreach (var run in runs.Where(r => !Alive(r)).ToList())
        {
            using var tx = _db.BeginTransaction();
            _db.Execute("DELETE FROM ingest_claims WHERE run_id = @RunId", new { run.RunId }, tx);
            _db.Execute("DELETE FROM ingest_runs WHERE run_id = @RunId", new { run.RunId }, tx);
            tx.Commit();
        }
    }

    private bool Alive(Run run)
    {
        if (run.Host == Environment.MachineName)
        {
            try
            {
                using var p = Process.GetProcessById((int)run.Pid);
                return Stamp(p.StartTime.ToUniversalTime()) == run.ProcessStarted;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
        }
        return DateTime.TryParse(run.HeartbeatAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var beat)
               && DateTime.UtcNow - beat < _options.StaleAfter;
    }

    private void Beat()
    {
        lock (_lock)
        {
            if (_disposed) return;
            try { _db.Execute("UPDATE ingest_runs SET heartbeat_at = @now WHERE run_id = @RunId", new { RunId, now = Now() }); }
            catch (DbException) { } // busy past the timeout: the next beat will do
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                using var tx = _db.BeginTransaction();
                _db.Execute("DELETE FROM ingest_claims WHERE run_id = @RunId", new { RunId }, tx);
                _db.Execute("DELETE FROM ingest_runs WHERE run_id = @RunId", new { RunId }, tx);
                tx.Commit();
            }
            catch (DbException) { } // the store is failing (disk full): the claims die with this process
            _db.Dispose();
        }
    }

    private static string Now() => Stamp(DateTime.UtcNow);
    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}

/// <summary>How a run's liveness is judged from another host.</summary>
public sealed record IngestClaimOptions
{
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>A run on another host whose heartbeat is older than this is dead (killed, or its machine is gone).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(2);
}

using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Extractor.Core.Report;
using Extractor.Store.Ingest;

namespace Extractor.Store.Tests;

/// <summary>Issue 18, items 11, 12 and 14: partial documents, a disk that fills up, and two ingest runs on one store.</summary>
public class HostileIngestTests
{
    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static Report Good(string path, CancellationToken _) => Samples.Report(Sha(path), path);

    private static IngestOptions Options => new() { Workers = 2, ExtractorVersion = "0.1.0" };

    /// <summary>
    /// Item 11: a stage that broke (mapping, facts, checks) used to leave the document "ok" with a warning. It is stored
    /// as partial — queryable, its error_reason naming the stage — and the batch summary counts it apart.
    /// </summary>
    [Fact]
    public async Task A_document_whose_stage_broke_is_stored_as_partial_and_counted()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.pdf"), "good a");
        File.WriteAllText(tmp.File("b.pdf"), "facts broke");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        Report Extract(string path, CancellationToken ct)
        {
            var report = Good(path, ct);
            if (File.ReadAllText(path).Contains("broke")) report.AddStageFailure("facts", "internal error in the facts stage");
            return report;
        }
        var s = await new IngestPipeline(store, Extract, Options).RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal((1, 1, 0), (s.Ok, s.Partial, s.Failed));
        Assert.Equal(new Dictionary<string, int> { ["facts_failed"] = 1 }, s.PartialByReason);

        var docs = store.Documents().ToDictionary(d => Path.GetFileName(d.Source));
        Assert.Equal(("ok", null), (docs["a.pdf"].Status, docs["a.pdf"].ErrorReason));
        Assert.Equal(("partial", "facts_failed"), (docs["b.pdf"].Status, docs["b.pdf"].ErrorReason));
        Assert.Contains("facts: internal error", docs["b.pdf"].ErrorMessage);
        Assert.Equal(2, store.Facts(new FactFilter(Sha256: Sha(tmp.File("b.pdf")))).Count()); // what was read is queryable
        Assert.Equal((1, 1), (store.Counts().Ok, store.Counts().Partial));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    /// <summary>Item 11: a store made before 0004 keeps every document and child row through the documents rebuild.</summary>
    [Fact]
    public void The_migration_that_allows_partial_keeps_every_row()
    {
        using var tmp = new TempDir();
        var path = tmp.File("old.db");
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True"))
        {
            db.Open();
            db.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var script in Migrations.All.Where(m => m.Version <= 2))
            {
                db.Execute(script.Sql);
                db.Execute("INSERT INTO schema_version VALUES (@Version, @Name, '2025-01-01T00:00:00Z')", script);
            }
        }
        using (var old = ExtractorStore.Open(path)) { } // migrates to the latest
        using var store = ExtractorStore.Open(path);
        store.SaveReport(new string('a', 64), new DocumentOrigin("a.pdf"), Samples.Report(new string('a', 64)));
        var counts = store.Counts();
        Assert.Equal((1, 1, 1, 2), (counts.Documents, counts.Tables, counts.Rows > 0 ? 1 : 0, counts.Facts));
        Assert.Equal("ok", store.IntegrityCheck());

        // And a store with rows in it before the rebuild: written at v3, migrated, every row still there.
        var v2 = tmp.File("v2.db");
        store.Connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the copy takes the main file only
        File.Copy(path, v2);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={v2};Pooling=False"))
        {
            db.Open();
            db.Execute("DELETE FROM schema_version WHERE version > 3");
            db.Execute("DROP TABLE ingest_claims; DROP TABLE ingest_runs;");
            // …and without 0005's performance-form tables, so the store is as v3 wrote it.
            db.Execute("DROP TABLE text_cells; ALTER TABLE table_rows DROP COLUMN roles;");
            // …and without 0006's document claims and crawl-site leases.
            db.Execute("DROP TABLE document_claims;");
            foreach (var column in new[] { "settings", "fetched", "robots_status", "robots_txt", "lease_token", "lease_holder", "lease_job", "lease_until", "last_request_at" })
                db.Execute($"ALTER TABLE crawl_sites DROP COLUMN {column}");
        }
        using var migrated = ExtractorStore.Open(v2);
        Assert.Equal(Migrations.Latest, migrated.SchemaVersion);
        Assert.Equal(counts, migrated.Counts());
        Assert.Equal("ok", migrated.IntegrityCheck());
        Assert.Equal(1, migrated.Connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
    }

    /// <summary>
    /// Item 12: the disk fills while a document is being stored. The batch stops with a StoreWriteException naming the
    /// document and saying what to do; the document's transaction rolled back, everything stored before it is intact.
    /// </summary>
    [Fact]
    public async Task A_full_disk_stops_the_batch_naming_the_document_and_keeps_what_was_stored()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.pdf"), "small");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        await new IngestPipeline(store, Good, Options).RunAsync(IngestInputs.Enumerate([tmp.File("a.pdf")]));

        File.WriteAllText(tmp.File("b.pdf"), "large");
        Report Large(string path, CancellationToken ct)
        {
            var report = Good(path, ct);
            for (var i = 0; i < 5000; i++)
                report.Facts.Add(new Fact { Key = $"x.{i}", Value = i, Unit = "万元", Provenance = new Provenance { Page = 1, Printed = new string('9', 40) } });
            return report;
        }
        // SQLite's own limit on the file's pages stands in for a full disk (SQLITE_FULL, as a full disk gives).
        store.Connection.Execute($"PRAGMA max_page_count = {store.Connection.ExecuteScalar<long>("PRAGMA page_count") + 2}");
        var e = await Assert.ThrowsAsync<StoreWriteException>(() => new IngestPipeline(store, Large, Options).RunAsync(IngestInputs.Enumerate([tmp.File("b.pdf")])));
        Assert.StartsWith("disk full while storing " + tmp.File("b.pdf"), e.Message);
        Assert.Contains("free some space", e.Message);
        store.Connection.Execute("PRAGMA max_page_count = 1073741823");
        Assert.Equal(["a.pdf"], store.Documents().Select(d => Path.GetFileName(d.Source)));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    /// <summary>
    /// Item 14: two ingest runs on one store both read every document. Now a run claims a document before reading it:
    /// the second run skips what the first is reading (and what it has stored), and reads the rest.
    /// </summary>
    [Fact]
    public async Task Two_runs_on_one_store_do_not_read_the_same_document()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.pdf"), "good a");
        File.WriteAllText(tmp.File("b.pdf"), "good b");
        using var first = ExtractorStore.Open(tmp.File("s.db"));
        using var second = ExtractorStore.Open(tmp.File("s.db"));
        var reads = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        using var reading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Report Slow(string path, CancellationToken ct)
        {
            reads.AddOrUpdate(Path.GetFileName(path), 1, (_, n) => n + 1);
            reading.Set();
            release.Wait(TimeSpan.FromMinutes(1), ct);
            return Good(path, ct);
        }
        Report Counted(string path, CancellationToken ct)
        {
            reads.AddOrUpdate(Path.GetFileName(path), 1, (_, n) => n + 1);
            return Good(path, ct);
        }

        var running = new IngestPipeline(first, Slow, Options).RunAsync(IngestInputs.Enumerate([tmp.File("a.pdf")]));
        Assert.True(reading.Wait(TimeSpan.FromMinutes(1)), "the first run never started reading");
        var other = await new IngestPipeline(second, Counted, Options).RunAsync(IngestInputs.Enumerate([tmp.File("a.pdf"), tmp.File("b.pdf")]));
        release.Set();
        var done = await running;

        Assert.Equal((1, 1), (other.Ok, other.Skipped));
        Assert.Equal(1, done.Ok);
        Assert.Equal(1, reads["a.pdf"]);
        Assert.Equal(1, reads["b.pdf"]);
        Assert.Equal(0, first.Connection.ExecuteScalar<long>("SELECT count(*) FROM ingest_claims")); // released
        Assert.Equal(0, first.Connection.ExecuteScalar<long>("SELECT count(*) FROM ingest_runs"));
    }

    /// <summary>Item 14: claims left by a run killed with kill -9 (a dead pid here, a stale heartbeat elsewhere) do not block.</summary>
    [Fact]
    public async Task Claims_of_a_run_that_died_do_not_block_the_next_one()
    {
        using var tmp = new TempDir();
        foreach (var n in new[] { "a", "b", "c" }) File.WriteAllText(tmp.File($"{n}.pdf"), "good " + n);
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        void Claim(string run, string host, int pid, string heartbeat, string file)
        {
            store.Connection.Execute("""
                INSERT OR IGNORE INTO ingest_runs (run_id, host, pid, process_started, started_at, heartbeat_at)
                VALUES (@run, @host, @pid, '2020-01-01T00:00:00.000Z', @heartbeat, @heartbeat)
                """, new { run, host, pid, heartbeat });
            store.Connection.Execute("INSERT INTO ingest_claims VALUES (@sha, @run, @heartbeat)", new { sha = Sha(tmp.File(file)), run, heartbeat });
        }
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        Claim("killed", Environment.MachineName, exited.Id, now, "a.pdf");           // this host, its process gone
        Claim("remote-dead", "another-host", 1, "2020-01-01T00:00:00.000Z", "b.pdf");  // another host, silent for years
        Claim("remote-alive", "another-host", 2, now, "c.pdf");                       // another host, beating now

        var s = await new IngestPipeline(store, Good, Options).RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal((2, 1), (s.Ok, s.Skipped));
        Assert.Equal(["a.pdf", "b.pdf"], store.Documents().Select(d => Path.GetFileName(d.Source)).Order(StringComparer.Ordinal));
        Assert.Equal(["remote-alive"], store.Connection.Query<string>("SELECT run_id FROM ingest_runs"));
    }

    /// <summary>
    /// Item 10: a batch's limit scales with the pages to OCR — the extractor extends the document's deadline and the
    /// pipeline's own wait follows it, so a long scan is not stored as timeout at the base limit.
    /// </summary>
    [Fact]
    public async Task A_document_given_more_time_for_its_pages_to_OCR_is_not_timed_out_at_the_base_limit()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("scan.pdf"), "a long scan");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        Report LongScan(string path, Extractor.Core.Pipeline.Deadline deadline)
        {
            deadline.Extend(TimeSpan.FromSeconds(60)); // four pages to OCR at 15 s
            Task.Delay(TimeSpan.FromSeconds(2), deadline.Token).Wait(deadline.Token);
            return Good(path, deadline.Token);
        }
        var options = new IngestOptions { Workers = 1, Timeout = TimeSpan.FromMilliseconds(500), TimeoutGrace = TimeSpan.FromMilliseconds(200), ExtractorVersion = "0.1.0" };
        var s = await new IngestPipeline(store, LongScan, options).RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.True(s.Ok == 1, string.Join(", ", s.FailedByReason));
    }
}

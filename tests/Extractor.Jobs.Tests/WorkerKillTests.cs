using System.Diagnostics;
using Dapper;
using Extractor.Store;
using Extractor.Store.Queries;
using Extractor.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Extractor.Jobs.Tests;

/// <summary>
/// 60 documents enqueued into a real PostgreSQL, three worker processes; one killed with SIGKILL while it extracts a
/// document, a replacement started. Every document is stored exactly once, whole, the killed one as a single-process
/// SQLite ingest of the same file stores it, and the killed job was taken up again within the documented bound.
/// </summary>
public sealed class WorkerKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Recover = 10; // --recover-s for this run; the bound is Recover + the sweep interval + the queue poll
    private readonly TempDir _dir = new();
    private readonly List<ExtractorProcess> _workers = [];

    /// <summary>60 distinct files: the labelled PDFs (each in three copies made distinct by a trailing PDF comment, which
    /// readers skip), one more PDF, the seed reports as text (each in eight copies, distinct by trailing blank lines)
    /// and a web page.</summary>
    private List<string> Documents()
    {
        var dir = Directory.CreateDirectory(_dir.File("in")).FullName;
        var files = new List<string>();
        foreach (var pdf in Directory.GetFiles(Corpus.Path("dev"), "*.pdf").Order(StringComparer.Ordinal))
            for (var i = 0; i < 3; i++)
            {
                var path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(pdf)}-{i}.pdf");
                File.WriteAllBytes(path, [.. File.ReadAllBytes(pdf), .. System.Text.Encoding.ASCII.GetBytes($"\n% copy {i}\n")]);
                files.Add(path);
            }
        foreach (var seed in Directory.GetFiles(Corpus.Path("seeds"), "*.txt").Order(StringComparer.Ordinal))
            for (var i = 0; i < 8; i++)
            {
                var path = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(seed)}-{i}.txt");
                File.WriteAllText(path, File.ReadAllText(seed) + new string('\n', i + 1));
                files.Add(path);
            }
        var extra = Path.Combine(dir, "extra.pdf");
        File.Copy(Corpus.Path("extra", "js-rdcwh-2017-dept-budget.pdf"), extra);
        files.Add(extra);
        var web = Path.Combine(dir, "web.html");
        File.Copy(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"), web);
        files.Add(web);
        return files;
    }

    private ExtractorProcess Worker(string db)
    {
        var w = ExtractorProcess.Start(_dir.Path, "worker", "--db", db, "--workers", "1", "--queues", "extract,ocr",
            "--recover-s", Recover.ToString(System.Globalization.CultureInfo.InvariantCulture), "--files", _dir.File("files"));
        _workers.Add(w);
        return w;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_worker_killed_mid_document_loses_nothing_and_stores_nothing_twice()
    {
        var db = PostgresServer.Instance.NewDatabase("kill");
        var files = Documents();
        Assert.Equal(60, files.Count);
        var enqueued = Cli.Run(_dir.Path, ["enqueue", .. files, "--db", db]);
        Assert.True(enqueued.Code == 0, enqueued.Stderr);
        Assert.Contains("enqueue: 60 documents", enqueued.Stdout);

        var workers = new[] { Worker(db), Worker(db), Worker(db) };
        using var watch = new NpgsqlConnection(db);
        watch.Open();

        // Wait for one of them to be extracting a PDF (a claim held by its process), and kill it then.
        string? killedSha = null, killedSource = null;
        ExtractorProcess? victim = null;
        var clock = Stopwatch.StartNew();
        while (victim is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "no worker was seen extracting a PDF");
            foreach (var c in watch.Query<(string Sha, string Holder, string Source)>("SELECT sha256, holder, source FROM document_claims"))
            {
                var w = workers.FirstOrDefault(w => c.Holder.StartsWith($"{Environment.MachineName}/{w.Id}/", StringComparison.Ordinal));
                if (w is null || !c.Source.EndsWith(".pdf", StringComparison.Ordinal)) continue;
                w.KillHard();
                (victim, killedSha, killedSource) = (w, c.Sha, c.Source);
                break;
            }
            if (victim is null) Thread.Sleep(20);
        }
        var killedAt = Stopwatch.StartNew();
        output.WriteLine($"killed worker {victim.Id} while it extracted {killedSource} ({killedSha![..12]})");
        Assert.Equal(0, watch.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE sha256 = @killedSha", new { killedSha }));
        Worker(db); // the replacement

        // The killed document is taken up again (claimed by another worker, or already stored) within the bound.
        TimeSpan? recovered = null;
        var bound = TimeSpan.FromSeconds(Recover) + OrphanSweeper.Interval + TimeSpan.FromSeconds(1);
        while (recovered is null && killedAt.Elapsed < TimeSpan.FromMinutes(5))
        {
            var holder = watch.ExecuteScalar<string?>("SELECT holder FROM document_claims WHERE sha256 = @killedSha", new { killedSha });
            var stored = watch.ExecuteScalar<long>("SELECT count(*) FROM documents WHERE sha256 = @killedSha", new { killedSha }) > 0;
            if (stored || holder is not null && !holder.StartsWith($"{Environment.MachineName}/{victim.Id}/", StringComparison.Ordinal))
                recovered = killedAt.Elapsed;
            else Thread.Sleep(100);
        }
        output.WriteLine($"taken up again after {recovered?.TotalSeconds:0.0} s (bound: {bound.TotalSeconds:0} s, plus the time for a worker to finish its current document)");
        Assert.NotNull(recovered);
        // The bound, plus a margin for the free worker to finish the document it has (seconds here, even on a loaded machine).
        Assert.True(recovered <= bound + TimeSpan.FromSeconds(30), $"taken up again only after {recovered?.TotalSeconds:0} s");

        // Every document stored, each once.
        while (watch.ExecuteScalar<long>("SELECT count(*) FROM documents") < 60)
        {
            Assert.True(killedAt.Elapsed < TimeSpan.FromMinutes(10),
                $"only {watch.ExecuteScalar<long>("SELECT count(*) FROM documents")} of 60 stored; workers said:\n" +
                string.Join('\n', _workers.SelectMany(w => w.Output).TakeLast(40)));
            Thread.Sleep(500);
        }
        foreach (var w in _workers.Where(w => !w.HasExited)) w.Stop();
        foreach (var w in _workers) Assert.True(w.WaitForExit(TimeSpan.FromMinutes(2)), "a worker did not stop on SIGTERM");
        foreach (var line in _workers.SelectMany(w => w.Output).Where(l => l.Contains("stderr") || l.Contains("head of its queue"))) output.WriteLine(line);

        Assert.Equal(60, watch.ExecuteScalar<long>("SELECT count(DISTINCT sha256) FROM documents WHERE status = 'ok'"));
        Assert.Equal(0, watch.ExecuteScalar<long>("SELECT count(*) FROM document_claims"));
        // No child row twice: the same (document, ord) once in every table, and every row's cells once.
        foreach (var table in new[] { "sections", "tables", "facts", "checks" })
            Assert.Equal(0, watch.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT document, ord FROM {table} GROUP BY 1, 2 HAVING count(*) > 1) d"));
        Assert.Equal(0, watch.ExecuteScalar<long>("SELECT count(*) FROM (SELECT table_key, ord FROM table_rows GROUP BY 1, 2 HAVING count(*) > 1) d"));
        Assert.Equal(0, watch.ExecuteScalar<long>("SELECT count(*) FROM tables t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = t.document)"));
        var jobs = Cli.Run(_dir.Path, "status", "--db", db);
        output.WriteLine(jobs.Stdout);
        Assert.Contains(" 0 failed", jobs.Stdout);

        // The killed document is what a single-process SQLite ingest of the same file stores.
        var sqlite = _dir.File("single.db");
        var single = Cli.Run(_dir.Path, "ingest", killedSource!, "--db", sqlite, "--workers", "1");
        Assert.True(single.Code == 0, single.Stderr);
        using var one = ExtractorStore.Open(sqlite, create: false);
        using var shared = ExtractorStore.Open(db, create: false);
        var expected = one.Facts(new FactFilter(Sha256: killedSha)).ToList();
        var actual = shared.Facts(new FactFilter(Sha256: killedSha)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(Fact), actual.Select(Fact));
        Assert.Equal(one.Counts() with { Documents = 1, Ok = 1 }, one.Counts());
        var d = shared.Detail(killedSha)!;
        var e = one.Detail(killedSha)!;
        Assert.Equal(e.Tables.Sum(t => t.Rows.Count), d.Tables.Sum(t => t.Rows.Count));
        Assert.Equal(e.Checks.Select(c => (c.Rule, c.Status, c.Expected, c.Actual)), d.Checks.Select(c => (c.Rule, c.Status, c.Expected, c.Actual)));
    }

    private static string Fact(FactRecord f) =>
        $"{f.Key}={f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {f.Unit} p{f.Page} [{string.Join(',', f.Bbox ?? [])}] {f.Path} {f.Printed} {f.ProvenanceKind} {f.Table}";

    public void Dispose()
    {
        foreach (var w in _workers) w.Dispose();
        _dir.Dispose();
    }
}

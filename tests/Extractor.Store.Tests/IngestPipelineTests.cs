using System.Security.Cryptography;
using Dapper;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Store.Ingest;

namespace Extractor.Store.Tests;

/// <summary>The batch pipeline with a stand-in extractor, so that timeouts, crashes and retries are exact.</summary>
public class IngestPipelineTests
{
    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static Report Fake(string path, CancellationToken ct)
    {
        var text = File.ReadAllText(path);
        if (text.StartsWith("bad:")) throw new ExtractionException(text[4..].Trim(), "fake failure");
        if (text.StartsWith("crash")) throw new NullReferenceException("bug in a stage");
        if (text.StartsWith("hang")) { Thread.Sleep(Timeout.Infinite); }
        if (text.StartsWith("slow")) { Task.Delay(Timeout.Infinite, ct).Wait(ct); }
        return Samples.Report(Sha(path), path);
    }

    private static (IngestPipeline, List<DocumentOutcome>) Pipeline(ExtractorStore store, IngestOptions? options = null,
        Func<string, CancellationToken, Report>? extract = null)
    {
        var p = new IngestPipeline(store, extract ?? Fake, options ?? new IngestOptions { Workers = 2, ExtractorVersion = "0.1.0" });
        var outcomes = new List<DocumentOutcome>();
        p.Completed += outcomes.Add;
        return (p, outcomes);
    }

    [Fact]
    public async Task A_batch_stores_good_and_failed_documents_and_goes_on()
    {
        using var tmp = new TempDir();
        var dir = Directory.CreateDirectory(tmp.File("in")).FullName;
        File.WriteAllText(Path.Combine(dir, "a.pdf"), "good a");
        File.WriteAllText(Path.Combine(dir, "b.pdf"), "bad: encrypted");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "c.html"), "good c");
        File.WriteAllText(Path.Combine(dir, "sub", "d.pdf"), "crash");
        File.WriteAllText(Path.Combine(dir, "notes.md"), "ignored");
        File.WriteAllText(Path.Combine(dir, "sub", "copy-of-a.pdf"), "good a"); // same bytes as a.pdf

        using var store = ExtractorStore.Open(tmp.File("s.db"));
        Extractor.Core.ErrorLog.Path = tmp.File("s.db.log");
        var (pipeline, outcomes) = Pipeline(store);
        var s = await pipeline.RunAsync(IngestInputs.Enumerate([dir, tmp.File("missing.pdf")]));

        Assert.Equal((7, 2, 3, 1, 1), (s.Found, s.Ok, s.Failed, s.Skipped, s.Unsupported));
        Assert.Equal(new Dictionary<string, int> { ["encrypted"] = 1, ["error"] = 1, ["missing"] = 1 }, s.FailedByReason);
        Assert.Equal(7, outcomes.Count);
        var docs = store.Documents().ToDictionary(d => Path.GetFileName(d.Source));
        Assert.Equal(4, docs.Count); // a (or its copy), b, c, d; the missing file has no bytes to store
        Assert.Equal(("failed", "encrypted"), (docs["b.pdf"].Status, docs["b.pdf"].ErrorReason));
        Assert.Equal("failed", docs["d.pdf"].Status);
        // Issue 18, item 12: the user reads what it is and where the detail is; the exception's text is in the log.
        Assert.StartsWith("internal error while reading it", docs["d.pdf"].ErrorMessage);
        Assert.DoesNotContain("NullReference", docs["d.pdf"].ErrorMessage);
        Assert.Contains("NullReferenceException: bug in a stage", File.ReadAllText(tmp.File("s.db.log")));
        Assert.Equal("ok", docs["c.html"].Status);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public async Task Running_again_skips_everything_stored_before_reading_it()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.pdf"), "good a");
        File.WriteAllText(tmp.File("b.pdf"), "bad: truncated");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        await Pipeline(store).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));

        var reads = 0;
        var (again, _) = Pipeline(store, extract: (p, ct) => { Interlocked.Increment(ref reads); return Fake(p, ct); });
        var s = await again.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal((0, 0, 2), (s.Ok, s.Failed, s.Skipped));
        Assert.Equal(0, reads);
        Assert.Equal(2, store.Counts().Documents);
    }

    [Fact]
    public async Task Failed_documents_are_retried_after_an_extractor_upgrade_or_when_asked()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("b.pdf"), "bad: truncated");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        await Pipeline(store, new IngestOptions { ExtractorVersion = "0.1.0" }).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));

        var same = await Pipeline(store, new IngestOptions { ExtractorVersion = "0.1.0" }).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(1, same.Skipped);
        var asked = await Pipeline(store, new IngestOptions { ExtractorVersion = "0.1.0", RetryFailed = true }).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(1, asked.Failed);

        // A newer extractor that now reads it: the failed row is replaced by the full document.
        var sha = Sha(tmp.File("b.pdf"));
        var upgraded = await Pipeline(store, new IngestOptions { ExtractorVersion = "0.2.0" }, (p, _) => Samples.Report(sha, p, "0.2.0"))
            .Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(1, upgraded.Ok);
        var doc = Assert.Single(store.Documents());
        Assert.Equal(("ok", "0.2.0"), (doc.Status, doc.ExtractorVersion));
        Assert.Equal(["0.2.0"], store.Connection.Query<string>("SELECT DISTINCT extractor_version FROM facts"));
    }

    [Fact]
    public async Task A_document_that_ignores_its_deadline_is_abandoned_and_stored_as_timeout()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("hang.pdf"), "hang");
        File.WriteAllText(tmp.File("slow.pdf"), "slow");
        File.WriteAllText(tmp.File("ok.pdf"), "good");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        // The deadline is far beyond what the good document takes even on a loaded machine (a 300 ms one timed it out
        // under load): the two others never finish, so only the deadline and the grace end them.
        var options = new IngestOptions { Workers = 2, Timeout = TimeSpan.FromSeconds(5), TimeoutGrace = TimeSpan.FromSeconds(1), ExtractorVersion = "0.1.0" };
        // Without abandonment the run would never end; two minutes is only there to fail rather than hang.
        var s = await Pipeline(store, options).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path])).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal((1, 2), (s.Ok, s.FailedByReason["timeout"]));
        Assert.All(store.Documents().Where(d => d.Status == "failed"), d => Assert.Equal("timeout", d.ErrorReason));
    }

    [Fact]
    public async Task A_crawled_file_is_stored_under_its_url_with_the_page_that_linked_it()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("download.tmp"), "good");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        var input = new IngestInput(tmp.File("download.tmp"), Explicit: true)
        {
            Source = "https://example.gov.cn/a.pdf", FoundOn = "https://example.gov.cn/list.html", LinkText = "2024年部门决算",
        };
        await Pipeline(store).Item1.RunAsync([input]);
        var doc = Assert.Single(store.Documents());
        Assert.Equal(("https://example.gov.cn/a.pdf", "https://example.gov.cn/list.html", "2024年部门决算"), (doc.Source, doc.FoundOn, doc.LinkText));
    }

    [Fact]
    public async Task Memory_stays_bounded_because_workers_wait_for_the_writer()
    {
        using var tmp = new TempDir();
        for (var i = 0; i < 40; i++) File.WriteAllText(tmp.File($"{i:00}.pdf"), $"good {i}");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        var inFlight = 0;
        var maxInFlight = 0;
        var p = new IngestPipeline(store, (path, ct) =>
        {
            var n = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, n);
            return Fake(path, ct);
        }, new IngestOptions { Workers = 2, ExtractorVersion = "0.1.0" });
        p.Completed += _ => { Interlocked.Decrement(ref inFlight); Thread.Sleep(5); }; // a slow writer
        var s = await p.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(40, s.Ok);
        // extracted but not yet written: at most the workers' own + the result channel's capacity + the writer's one
        Assert.True(maxInFlight <= 2 + 2 + 1 + 1, $"{maxInFlight} reports in flight");
    }

    /// <summary>
    /// Issue 18, item 2: a run whose settings no document can be read under (a time limit past what a timer holds)
    /// used to store every document as failed (error: ArgumentOutOfRangeException), and a plain rerun then skipped them
    /// all as stored. Such settings are refused before any document is read; and a failure the run caused (an internal
    /// error, a time limit shorter than this run's) is tried again by a plain rerun, while a document's own defect is not.
    /// </summary>
    [Fact]
    public async Task Settings_no_run_can_use_are_refused_and_failures_the_run_caused_are_retried()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.pdf"), "good a");
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        var (tooLong, _) = Pipeline(store, new IngestOptions { Timeout = TimeSpan.FromSeconds(4294967), ExtractorVersion = "0.1.0" });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tooLong.RunAsync(IngestInputs.Enumerate([tmp.Path])));
        var (noWorkers, _) = Pipeline(store, new IngestOptions { Workers = 0, ExtractorVersion = "0.1.0" });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => noWorkers.RunAsync(IngestInputs.Enumerate([tmp.Path])));
        Assert.Equal(0, store.Counts().Documents);

        File.WriteAllText(tmp.File("a.pdf"), "crash");
        File.WriteAllText(tmp.File("b.pdf"), "bad: truncated");
        File.WriteAllText(tmp.File("c.pdf"), "slow");
        var shortLimit = new IngestOptions { Timeout = TimeSpan.FromMilliseconds(200), TimeoutGrace = TimeSpan.FromSeconds(5), ExtractorVersion = "0.1.0" };
        var first = await Pipeline(store, shortLimit).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(new Dictionary<string, int> { ["error"] = 1, ["timeout"] = 1, ["truncated"] = 1 }, first.FailedByReason);

        // The same limit again: the internal error is retried, the timeout and the document's own defect are not.
        var read = new List<string>();
        Report Record(string p, CancellationToken ct) { lock (read) read.Add(Path.GetFileName(p)); return Fake(p, ct); }
        await Pipeline(store, shortLimit, Record).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(["a.pdf"], read);

        // A longer limit than the one it failed under: the timeout is retried too. (The rule compares the limit with the
        // time the failed attempt took, which on a loaded machine can be well past its 200 ms: 5 s leaves room.)
        read.Clear();
        var longer = shortLimit with { Timeout = TimeSpan.FromSeconds(5) };
        await Pipeline(store, longer, Record).Item1.RunAsync(IngestInputs.Enumerate([tmp.Path]));
        Assert.Equal(["a.pdf", "c.pdf"], read.Order(StringComparer.Ordinal));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}

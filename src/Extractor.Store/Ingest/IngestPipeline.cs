using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Extractor.Core;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Store.Ingest;

public sealed record IngestOptions
{
    /// <summary>Documents extracted at once (each on its own thread).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>Per-document limit. The extractor is asked to stop at this point (cooperative); a document still
    /// running <see cref="TimeoutGrace"/> later is abandoned and stored as failed: timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan TimeoutGrace { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Retry documents stored as failed even when stored by this same extractor version.</summary>
    public bool RetryFailed { get; init; }
    public string ExtractorVersion { get; init; } = ExtractorInfo.Version;
    /// <summary>How another run's claims are judged alive (<see cref="IngestClaims"/>).</summary>
    public IngestClaimOptions Claims { get; init; } = new();

    /// <summary>Longest per-document limit: a day, well inside what a .NET timer holds (24.8 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Refuses settings no run could use, before any document is read (they would fail every one of them).</summary>
    public void Validate()
    {
        if (Workers is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "workers must be from 1 to 1024");
        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"the per-document limit must be from 1 ms to {MaxTimeout.TotalSeconds:0} s");
        if (TimeoutGrace < TimeSpan.Zero || TimeoutGrace > MaxTimeout)
            throw new ArgumentOutOfRangeException(nameof(TimeoutGrace), TimeoutGrace, "the grace period must be from 0 to a day");
    }
}

/// <summary>Partial: stored and queryable, but a stage broke (Reason names it: facts_failed, ocr_unavailable…).</summary>
public enum OutcomeKind { Ok, Partial, Failed, Skipped, Unsupported }

/// <summary>What happened to one input. Failed with a null Sha256: nothing could be stored (the file is missing).</summary>
public sealed record DocumentOutcome(
    string Path, OutcomeKind Kind, string? Sha256 = null, string? Reason = null, string? Message = null,
    int Pages = 0, TimeSpan Duration = default);

/// <summary>Running totals, readable from any thread while the batch runs.</summary>
public sealed class IngestStats
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SortedDictionary<string, int> _failedByReason = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _partialByReason = new(StringComparer.Ordinal);
    private int _found, _ok, _partial, _failed, _skipped, _unsupported;
    private long _pages;

    internal void Found() => Interlocked.Increment(ref _found);

    internal void Add(DocumentOutcome o)
    {
        lock (_lock)
        {
            switch (o.Kind)
            {
                case OutcomeKind.Ok: _ok++; _pages += o.Pages; break;
                case OutcomeKind.Partial:
                    _partial++;
                    _pages += o.Pages;
                    _partialByReason[o.Reason ?? "partial"] = _partialByReason.GetValueOrDefault(o.Reason ?? "partial") + 1;
                    break;
                case OutcomeKind.Skipped: _skipped++; break;
                case OutcomeKind.Unsupported: _unsupported++; break;
                case OutcomeKind.Failed:
                    _failed++;
                    var reason = o.Reason ?? "error";
                    _failedByReason[reason] = _failedByReason.GetValueOrDefault(reason) + 1;
                    break;
            }
        }
    }

    public IngestSummary Snapshot()
    {
        lock (_lock)
            return new IngestSummary(Volatile.Read(ref _found), _ok, _failed, _skipped, _unsupported, _pages,
                new Dictionary<string, int>(_failedByReason), _clock.Elapsed)
            {
                Partial = _partial, PartialByReason = new Dictionary<string, int>(_partialByReason),
            };
    }
}

/// <summary>Totals of one batch. Found counts every input file (including skipped ones); Done = ok + partial + failed + skipped + unsupported.</summary>
public sealed record IngestSummary(
    int Found, int Ok, int Failed, int Skipped, int Unsupported, long Pages,
    IReadOnlyDictionary<string, int> FailedByReason, TimeSpan Elapsed)
{
    /// <summary>Stored with what was read, but a stage broke (by the stage: facts_failed, ocr_unavailable…).</summary>
    public int Partial { get; init; }
    public IReadOnlyDictionary<string, int> PartialByReason { get; init; } = new Dictionary<string, int>();
    public int Done => Ok + Partial + Failed + Skipped + Unsupported;
    public double DocsPerSecond => Elapsed.TotalSeconds > 0 ? (Ok + Partial + Failed) / Elapsed.TotalSeconds : 0;
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Bulk ingest with back-pressure: inputs → [bounded channel] → N workers (hash, skip if stored, extract under a
/// time limit) → [bounded channel] → one writer (one transaction per document). At most about 3×N reports are in
/// memory whatever the batch size. Resumable: a document is stored only once complete, and a stored sha256 is
/// skipped before it is read, so re-running an interrupted batch picks up where it stopped. A document that fails
/// for any reason is stored as failed (status, reason, message) and the batch goes on.
/// </summary>
public sealed class IngestPipeline(
    ExtractorStore store, Func<string, Deadline, Report> extract, IngestOptions options)
{
    /// <summary>An extractor that only takes a token: the limit is the options' alone (nothing extends it).</summary>
    public IngestPipeline(ExtractorStore store, Func<string, CancellationToken, Report> extract, IngestOptions options)
        : this(store, (path, deadline) => extract(path, deadline.Token), options) { }

    private sealed record Work(IngestInput Input);

    private sealed record Result(DocumentOutcome Outcome, DocumentOrigin? Origin, Report? Report, string? MediaType);

    public IngestStats Stats { get; } = new();

    /// <summary>Called on the writer thread after each input is settled (stored, skipped or failed).</summary>
    public event Action<DocumentOutcome>? Completed;

    public async Task<IngestSummary> RunAsync(IEnumerable<IngestInput> inputs, CancellationToken cancellation = default)
    {
        options.Validate();
        var workers = Math.Max(1, options.Workers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        cancellation = stop.Token; // the writer failing (disk full…) stops producer and workers too
        var known = store.Known();
        var claimed = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        // Another `ingest` on the same store skips what this run has claimed, and this run what it has.
        using var claims = IngestClaims.Start(store.Location, options.Claims);
        var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var results = Channel.CreateBounded<Result>(new BoundedChannelOptions(workers) { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    cancellation.ThrowIfCancellationRequested();
                    Stats.Found();
                    await work.Writer.WriteAsync(new Work(input), cancellation);
                }
            }
            finally { work.Writer.Complete(); }
        }, cancellation);

        var workerTasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var item in work.Reader.ReadAllAsync(cancellation))
                await results.Writer.WriteAsync(await ProcessAsync(item.Input, known, claimed, claims, cancellation), cancellation);
        }, cancellation)).ToArray();

        var all = Task.WhenAll([producer, .. workerTasks]);
        _ = all.ContinueWith(t => results.Writer.TryComplete(t.Exception), TaskScheduler.Default);

        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellation))
            {
                var outcome = Write(result);
                if (outcome.Sha256 is not null && outcome.Kind is not (OutcomeKind.Skipped or OutcomeKind.Unsupported)) claims.Release(outcome.Sha256);
                Stats.Add(outcome);
                Completed?.Invoke(outcome);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        await all;
        return Stats.Snapshot();
    }

    private async Task<Result> ProcessAsync(IngestInput input, Dictionary<string, StoredStatus> known,
        ConcurrentDictionary<string, byte> claimed, IngestClaims claims, CancellationToken cancellation)
    {
        var path = input.Path;
        if (input.Missing) return new Result(new DocumentOutcome(path, OutcomeKind.Failed, Reason: "missing", Message: "file not found"), null, null, null);
        if (!input.Explicit && !IngestInputs.IsSupported(path))
            return new Result(new DocumentOutcome(path, OutcomeKind.Unsupported, Reason: "unsupported_extension"), null, null, null);

        string sha;
        long size;
        try
        {
            await using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            size = fs.Length;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(fs, cancellation));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "missing" : "unreadable";
            return new Result(new DocumentOutcome(path, OutcomeKind.Failed, Reason: reason, Message: e.Message), null, null, null);
        }

        if (known.TryGetValue(sha, out var stored) && !ShouldRetry(stored))
            return new Result(new DocumentOutcome(path, OutcomeKind.Skipped, sha, Reason: "already_stored"), null, null, null);
        if (!claimed.TryAdd(sha, 0))
            return new Result(new DocumentOutcome(path, OutcomeKind.Skipped, sha, Reason: "duplicate_in_batch"), null, null, null);
        if (claims.TryClaim(sha) == ClaimResult.ClaimedByAnotherRun)
            return new Result(new DocumentOutcome(path, OutcomeKind.Skipped, sha, Reason: "claimed_by_another_run"), null, null, null);
        // Stored by another run since this one listed the store: skipped like anything stored before.
        if (claims.Stored(sha) is { } since && !ShouldRetry(since))
        {
            claims.Release(sha);
            return new Result(new DocumentOutcome(path, OutcomeKind.Skipped, sha, Reason: "already_stored"), null, null, null);
        }

        var origin = new DocumentOrigin(input.Source ?? path, input.FoundOn, input.LinkText, size);
        if (input.Failure is { } failure)
            return new Result(new DocumentOutcome(path, OutcomeKind.Failed, sha, failure.Reason, failure.Message), origin, null, null);
        var clock = Stopwatch.StartNew();
        var extraction = await TimedExtraction.RunAsync(extract, path, options.Timeout, options.TimeoutGrace, cancellation, origin.Source);
        if (extraction.Report is not { } report)
            return new Result(new DocumentOutcome(path, OutcomeKind.Failed, sha, extraction.Reason, extraction.Message, Duration: clock.Elapsed),
                origin, null, null);
        var outcome = report.StageFailures is { Count: > 0 } broke
            ? new DocumentOutcome(path, OutcomeKind.Partial, sha, ExtractorStore.PartialReason(report), string.Join("; ", broke.Select(f => $"{f.Stage}: {f.Reason}")),
                report.Document.Pages, clock.Elapsed)
            : new DocumentOutcome(path, OutcomeKind.Ok, sha, Pages: report.Document.Pages, Duration: clock.Elapsed);
        return new Result(outcome, origin, report, report.Document.MediaType);
    }

    /// <summary>ok documents are never re-read (same bytes, same answer); failed ones are retried when stored by
    /// another extractor version, when the user asks (--retry-failed), when the failure was the run's rather than the
    /// document's (<see cref="FailureReasons.RunCaused"/>), or when they timed out under a shorter limit than this run's.</summary>
    private bool ShouldRetry(StoredStatus stored) =>
        stored.Status == "failed" && (options.RetryFailed || stored.ExtractorVersion != options.ExtractorVersion
            || stored.ErrorReason is { } reason && FailureReasons.RunCaused.Contains(reason)
            || stored.ErrorReason == "timeout" && stored.DurationMs is { } ms && LongerThanItHad(ms));

    /// <summary>
    /// This run's limit is clearly longer than the time the timed-out attempt took: by a tenth, and at least a second.
    /// The attempt's time is its limit plus how late the timer fired and the run noticed, so the same limit again comes
    /// out a hair above or below it (truncated to the millisecond); the margin keeps that from counting as longer.
    /// </summary>
    private bool LongerThanItHad(long ms) =>
        options.Timeout.TotalMilliseconds > ms + Math.Max(1000, ms / 10.0);

    private DocumentOutcome Write(Result result)
    {
        var o = result.Outcome;
        if (o.Sha256 is null || result.Origin is null) return o; // skipped, unsupported, or nothing to store
        try
        {
            try
            {
                if (result.Report is not null) store.SaveReport(o.Sha256, result.Origin, result.Report, o.Duration);
                else store.SaveFailure(o.Sha256, result.Origin, o.Reason ?? "error", o.Message ?? "", options.ExtractorVersion, result.MediaType, o.Duration);
                return o;
            }
            catch (Exception e) when (result.Report is not null && e is not StoreException && !StoreWriteException.IsStoreFault(e))
            {
                // The report could not be written (a bug in its data, say): the transaction rolled back; keep a failed row.
                var told = $"could not be written to the store, a fault of the extractor ({ErrorLog.Hint})";
                ErrorLog.Write(result.Origin.Source, told, e);
                var failed = o with { Kind = OutcomeKind.Failed, Reason = "store_error", Message = told };
                store.SaveFailure(o.Sha256, result.Origin, failed.Reason!, failed.Message!, options.ExtractorVersion, result.MediaType, o.Duration);
                return failed;
            }
        }
        catch (Exception e) when (StoreWriteException.IsStoreFault(e))
        {
            // Disk full, read-only, I/O error: nothing more can be stored. Stop, naming the document being stored.
            throw new StoreWriteException(result.Origin.Source, o.Sha256, e);
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Extractor.Store;
using Extractor.Store.Ingest;
using Hangfire;
using Hangfire.Server;

namespace Extractor.Jobs;

/// <summary>One document to extract: a path every worker can read, and where it came from (a URL for crawled files).</summary>
public sealed record DocumentRequest(string Path, string? Source = null, string? FoundOn = null, string? LinkText = null, bool RetryFailed = false)
{
    /// <summary>How the dashboard names the job.</summary>
    public override string ToString() => Source ?? Path;
}

/// <summary>
/// The extract job. A document is stored exactly once: the job hashes the file, skips a sha256 already stored (ok, or
/// failed by this extractor version unless asked to retry), claims it (another job holding the claim means that job
/// stores it), extracts under the time limit with the claim renewed, and stores the report or the failure in the
/// transaction that ends the claim. A worker killed at any point leaves either nothing or the whole document; the job
/// runs again (Hangfire, after <see cref="JobTimeouts.Recover"/>) and, being the same job, takes its own claim over.
/// A file this worker cannot read fails the job (retried, then shown failed with the reason) and stores nothing.
/// </summary>
public sealed class DocumentJobs(WorkerContext context)
{
    [JobDisplayName("extract {0}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> Extract(DocumentRequest request, PerformContext? perform, CancellationToken cancellation)
    {
        var job = perform?.BackgroundJob.Id;
        var clock = Stopwatch.StartNew();
        if (!File.Exists(request.Path))
            throw new FileNotFoundException($"{request.Path}: not found on this worker ({context.Holder}); workers must see the paths enqueue gave");
        long size;
        string sha;
        await using (var fs = File.OpenRead(request.Path))
        {
            size = fs.Length;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(fs, cancellation));
        }

        using var store = context.OpenStore();
        if (store.Find(sha) is { } stored && !(stored.Status == "failed" && (request.RetryFailed || stored.ExtractorVersion != context.ExtractorVersion)))
            return context.Report(job, request, $"skipped: already stored ({stored.Status})", clock);
        var holder = $"{context.Holder}/job {job}";
        if (store.TryClaim(sha, holder, job, request.Source ?? request.Path, context.ClaimLease) is not { } claim)
            return context.Report(job, request, "skipped: another job is extracting it", clock);

        using var keeper = new LeaseKeeper(context.ClaimLease, () =>
        {
            using var other = context.OpenStore();
            return other.RenewClaim(claim, context.ClaimLease);
        });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, keeper.Lost);
        var outcome = await TimedExtraction.RunAsync(context.Extract, request.Path, context.Settings.PerDocumentTimeout,
            TimeSpan.FromSeconds(5), linked.Token);
        var extracted = clock.Elapsed;
        var origin = new DocumentOrigin(request.Source ?? request.Path, request.FoundOn, request.LinkText, size);
        try
        {
            if (outcome.Report is { } report)
            {
                try
                {
                    store.SaveReport(sha, origin, report, extracted, claim);
                    return context.Report(job, request, report.IsPartial ? $"stored partial {sha[..12]}: {ExtractorStore.PartialReason(report)}" : $"stored ok {sha[..12]}", clock, extracted);
                }
                catch (Exception e) when (e is not (StoreException or ClaimLostException or Npgsql.NpgsqlException))
                {
                    outcome = new ExtractionOutcome(null, "store_error", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }
            store.SaveFailure(sha, origin, outcome.Reason!, outcome.Message!, context.ExtractorVersion,
                Crawler.MediaTypes.OfExtension(Path.GetExtension(request.Path)), extracted, claim);
            return context.Report(job, request, $"stored failed {sha[..12]}: {outcome.Reason}", clock, extracted);
        }
        catch (ClaimLostException)
        {
            return context.Report(job, request, "dropped: the claim was taken over by another worker", clock, extracted);
        }
    }
}

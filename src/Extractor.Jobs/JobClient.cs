using System.Security.Cryptography;
using Extractor.Crawler;
using Extractor.Pdf.Reading;
using Extractor.Pipeline;
using Extractor.Store;
using Extractor.Store.Crawl;
using Extractor.Store.Ingest;
using Hangfire;

namespace Extractor.Jobs;

/// <summary>What `extractor enqueue` did with its inputs.</summary>
public sealed record EnqueueSummary
{
    public int Enqueued { get; set; }
    public int Scans { get; set; }
    public int Skipped { get; set; }
    public int Duplicates { get; set; }
    public int Missing { get; set; }
    public int Ignored { get; set; }
    public int Sites { get; set; }
}

/// <summary>
/// Adds work for the workers: one extract job per document (a scan on the OCR queue), one crawl slice per site. A
/// document already stored (same sha256) is not enqueued again, so enqueueing a folder twice adds only what is new.
/// </summary>
public sealed class JobClient(StoreLocation location, JobStorage storage)
{
    private readonly IBackgroundJobClient _client = new BackgroundJobClient(storage);

    /// <summary>The queue a document belongs on: ocr for a PDF whose sampled pages look scanned, extract otherwise.</summary>
    public static string QueueFor(string path) =>
        MediaTypeSniffer.Detect(path) == "application/pdf" && ScanProbe.NeedsOcr(path) ? JobQueues.Ocr : JobQueues.Extract;

    /// <summary>
    /// One job per input file. Files are enqueued by their full path (every worker must see the same paths: run
    /// workers on this machine, or put the files on a shared mount); a member of a ZIP is first copied into the shared
    /// folder under its sha256. <paramref name="said"/> hears one line per input that is not enqueued.
    /// </summary>
    public EnqueueSummary EnqueueFiles(IEnumerable<IngestInput> inputs, KeptFiles files, bool retryFailed, Action<string> said,
        CancellationToken cancellation = default)
    {
        var summary = new EnqueueSummary();
        using var store = ExtractorStore.Open(location.Value);
        var known = store.Known();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            cancellation.ThrowIfCancellationRequested();
            if (input.Missing)
            {
                summary.Missing++;
                said($"{input.Path}: missing: file not found");
                continue;
            }
            if (!input.Explicit && !IngestInputs.IsSupported(input.Path)) { summary.Ignored++; continue; }
            string sha;
            using (var fs = File.OpenRead(input.Path)) sha = Convert.ToHexStringLower(SHA256.HashData(fs));
            if (known.TryGetValue(sha, out var stored) && !(stored.Status == "failed" && (retryFailed || stored.ExtractorVersion != Core.ExtractorInfo.Version)))
            {
                summary.Skipped++;
                continue;
            }
            if (!seen.Add(sha)) { summary.Duplicates++; continue; }
            var archived = input.Source is not null && input.Source.Contains('!');
            var path = archived ? files.Copy(sha, input.Path) : Path.GetFullPath(input.Path);
            var queue = QueueFor(path);
            if (queue == JobQueues.Ocr) summary.Scans++;
            var request = new DocumentRequest(path, input.Source, input.FoundOn, input.LinkText, retryFailed);
            _client.Enqueue<DocumentJobs>(queue, j => j.Extract(request, null, CancellationToken.None));
            summary.Enqueued++;
        }
        return summary;
    }

    /// <summary>Begins (or resumes, or re-crawls) each seed's site with these options and enqueues its first slice.</summary>
    public IReadOnlyList<string> EnqueueCrawl(IEnumerable<string> seeds, CrawlSettings settings)
    {
        using var store = ExtractorStore.Open(location.Value);
        var frontier = new CrawlFrontier(store);
        var sites = new List<string>();
        foreach (var (site, siteSeeds) in SiteCrawler.BySite(seeds))
        {
            SiteCrawler.Begin(frontier, site, siteSeeds, settings);
            _client.Enqueue<CrawlJobs>(JobQueues.Crawl, j => j.Slice(site, null, CancellationToken.None));
            sites.Add(site);
        }
        return sites;
    }
}

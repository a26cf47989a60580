using System.Diagnostics;
using System.Globalization;
using Extractor.Core;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;
using Hangfire;

namespace Extractor.Jobs;

/// <summary>What the jobs of one worker process share: the store, the extractors, the shared folder, who they are.</summary>
public sealed class WorkerContext
{
    private readonly ExtractorPool _extractors;
    private readonly Lock _output = new();

    public WorkerContext(StoreLocation store, ExtractionSettings settings, KeptFiles files, IBackgroundJobClient client,
        JobTimeouts timeouts, TextWriter? log = null, HttpSettings? http = null)
    {
        Store = store;
        Settings = settings;
        Files = files;
        Client = client;
        Timeouts = timeouts;
        Log = log ?? TextWriter.Null;
        Http = http ?? new HttpSettings();
        // Web pages are read by the HTML reader as crawl does (the default stages have it; this keeps it if they change).
        _extractors = new ExtractorPool(settings, () =>
        {
            var stages = PipelineStages.Default(settings);
            return stages.Readers.Any(r => r.CanRead(Extractor.Web.HtmlDocumentReader.MediaType))
                ? stages : stages with { Readers = [.. stages.Readers, new Extractor.Web.HtmlDocumentReader()] };
        });
    }

    public StoreLocation Store { get; }
    public ExtractionSettings Settings { get; }
    public KeptFiles Files { get; }
    public IBackgroundJobClient Client { get; }
    public JobTimeouts Timeouts { get; }
    public HttpSettings Http { get; }
    public TextWriter Log { get; }
    public string ExtractorVersion => ExtractorInfo.Version;

    /// <summary>This worker, as claims and leases name it: host/pid.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>A document claim lasts this long unless renewed (renewed every third of it while extracting).</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(60);

    public ExtractorStore OpenStore() => ExtractorStore.Open(Store.Value);

    /// <summary>Under the document's deadline, which the extractor extends for pages to OCR (as ingest does).</summary>
    public Core.Report.Report Extract(string path, Core.Pipeline.Deadline deadline) => _extractors.Extract(path, deadline);

    /// <summary>One line per finished job on the worker's output (the job's result in the dashboard says the same).</summary>
    internal string Report(string? job, DocumentRequest request, string result, Stopwatch clock, TimeSpan? extracted = null)
    {
        var total = clock.Elapsed.TotalMilliseconds;
        var timing = extracted is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"{total:0} ms, store {total - e.TotalMilliseconds:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{total:0} ms");
        lock (_output) Log.WriteLine($"job {job}: {result}: {request.Source ?? request.Path} ({timing})");
        return result;
    }

    internal void Say(string line)
    {
        lock (_output) Log.WriteLine(line);
    }
}

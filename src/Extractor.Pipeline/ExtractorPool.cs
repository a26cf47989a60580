using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Pipeline;

/// <summary>
/// Extractors for concurrent extractions: stages may keep state, so each extraction takes one of its own, and gives it
/// back for the next (building one loads the section model). Safe from any number of threads.
/// </summary>
public sealed class ExtractorPool(ExtractionSettings settings, Func<PipelineStages>? stages = null)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<ReportExtractor> _idle = [];

    public ExtractionSettings Settings => settings;

    public Report Extract(string path, CancellationToken cancellation) => WithIdle(x => x.Extract(path, cancellation));

    /// <summary>Under a <see cref="Deadline"/> the extractor may extend (pages to OCR), as batch ingest and workers run it.</summary>
    public Report Extract(string path, Deadline deadline) => WithIdle(x => x.Extract(path, null, deadline));

    private Report WithIdle(Func<ReportExtractor, Report> extract)
    {
        if (!_idle.TryTake(out var x)) x = new ReportExtractor(settings, stages?.Invoke() ?? PipelineStages.Default(settings));
        try { return extract(x); }
        finally { _idle.Add(x); }
    }
}

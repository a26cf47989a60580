using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Profile;

namespace Extractor.Pipeline;

/// <summary>
/// One document through every stage: read → tables → profile → canonical tables → sections → facts → checks.
/// Throws <see cref="ExtractionException"/> for input that cannot be read; never returns invented data.
/// </summary>
public sealed class ReportExtractor(ExtractionSettings settings, PipelineStages stages)
{
    public ReportExtractor() : this(new ExtractionSettings()) { }

    public ReportExtractor(ExtractionSettings settings) : this(settings, PipelineStages.Default(settings)) { }

    public ExtractionSettings Settings => settings;

    /// <summary>
    /// Told each stage's name, wall-clock and process CPU time as it finishes (`extract --timings`), so the cost of
    /// mapping, facts and checks can be set against table extraction in one run. Null: nothing is measured.
    /// </summary>
    public Action<string, TimeSpan, TimeSpan>? Timed { get; init; }

    public Report Extract(string path, CancellationToken cancellation = default) => Extract(path, source: null, cancellation);

    /// <summary>Reads a local copy (a download) while reporting where it came from: <paramref name="source"/> is the URL.</summary>
    public Report Extract(string path, string? source, CancellationToken cancellation = default)
    {
        settings.Validate();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.PerDocumentTimeout);
        try
        {
            var content = Time("read", () => stages.Read(path, new ReadLimits(settings.MaxPages, timeout.Token, settings.ParallelPages)));
            return Build(source is null ? content : content with { Source = source }, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new ExtractionException("timeout", $"took longer than the per-document limit of {settings.PerDocumentTimeout.TotalSeconds:0} s");
        }
    }

    public Report Build(DocumentContent content, CancellationToken cancellation = default)
    {
        var warnings = new List<string>();
        // Only PDFs (and OCR'd scans) need tables found from geometry; other formats state theirs.
        IReadOnlyList<RawTable> raw = content.MediaType == "application/pdf" && stages.Tables is not null
            ? Stage("tables", () => stages.Tables.Extract(content), [], warnings, cancellation)
            : content.NativeTables;
        var profile = Time("profile", () => DocumentProfiler.Profile(content, raw));
        var report = new Report { Document = profile };
        report.Warnings.AddRange(warnings);
        if (stages.Mapper is not null)
            report.Tables.AddRange(Stage("table mapping", () => stages.Mapper.Map(content, raw, profile), [], report.Warnings, cancellation));
        if (stages.Sections is not null)
            report.Sections.AddRange(Stage("sections", () => stages.Sections.Recognize(content, profile), [], report.Warnings, cancellation));
        if (stages.Facts is not null)
            report.Facts.AddRange(Stage("facts", () => stages.Facts.Extract(content, profile, report.Tables, report.Sections, report.Warnings), [], report.Warnings, cancellation));
        if (stages.Checks is not null)
        {
            report.Checks.AddRange(Stage("checks", () => stages.Checks.Run(content, profile, report.Tables, report.Facts, report.Sections), [], report.Warnings, cancellation));
            var kept = Extractor.Recognition.Checks.OcrFactGuard.Keep(content, report.Tables, report.Facts, report.Checks, report.Warnings);
            report.Facts.Clear();
            report.Facts.AddRange(kept);
            var softened = Extractor.Recognition.Checks.OcrCheckGuard.Soften(content, report.Checks);
            report.Checks.Clear();
            report.Checks.AddRange(softened);
        }
        return report;
    }

    private T Time<T>(string name, Func<T> run)
    {
        if (Timed is null) return run();
        var cpu = Environment.CpuUsage.TotalTime;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try { return run(); }
        finally { Timed(name, System.Diagnostics.Stopwatch.GetElapsedTime(start), Environment.CpuUsage.TotalTime - cpu); }
    }

    /// <summary>
    /// A stage that breaks on one document costs that stage's output, not the document: what the other
    /// stages found is still reported, and the failure is named in the warnings.
    /// </summary>
    private T Stage<T>(string name, Func<T> run, T fallback, List<string> warnings, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            return Time(name, run);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            warnings.Add($"{name} failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return fallback;
        }
    }
}

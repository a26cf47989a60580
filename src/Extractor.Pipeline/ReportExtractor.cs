using Extractor.Core;
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
        using var deadline = new Deadline(settings.PerDocumentTimeout, cancellation, settings.RestartOnProgress);
        return Extract(path, source, deadline);
    }

    /// <summary>
    /// Reads under a deadline the caller watches too (ingest): the reader extends it for pages to OCR, and with
    /// <see cref="ExtractionSettings.RestartOnProgress"/> every finished step restarts it.
    /// </summary>
    public Report Extract(string path, string? source, Deadline deadline)
    {
        settings.Validate();
        try
        {
            var limits = new ReadLimits(settings.MaxPages, deadline.Token, settings.ParallelPages) { Deadline = deadline };
            var content = Time("read", () => stages.Read(path, limits));
            deadline.Progress();
            return Build(source is null ? content : content with { Source = source }, deadline.Token, deadline);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new ExtractionException("timeout", TimedOut(deadline));
        }
    }

    /// <summary>What a timeout says: the limit, and for a single document that it is the longest pause without progress.</summary>
    public static string TimedOut(Deadline deadline) => deadline.RestartOnProgress
        ? $"made no progress for {deadline.Limit.TotalSeconds:0} s (the limit, --timeout-s)"
        : deadline.Granted > deadline.Limit
            ? $"took longer than its limit of {deadline.Granted.TotalSeconds:0} s ({deadline.Limit.TotalSeconds:0} s and {(deadline.Granted - deadline.Limit).TotalSeconds:0} s for its pages to OCR)"
            : $"took longer than the per-document limit of {deadline.Limit.TotalSeconds:0} s";

    public Report Build(DocumentContent content, CancellationToken cancellation = default) => Build(content, cancellation, null);

    private Report Build(DocumentContent content, CancellationToken cancellation, Deadline? deadline)
    {
        var warnings = new List<string>();
        var failures = new List<StageFailure>();
        var raw = RawTables(content, warnings, failures, cancellation, deadline);
        var profile = Time("profile", () => DocumentProfiler.Profile(content, raw));
        var report = new Report { Document = profile };
        report.Warnings.AddRange(warnings);
        failures.AddRange(content.Unread);
        if (stages.Mapper is not null)
            report.Tables.AddRange(Stage("table mapping", () => stages.Mapper.Map(content, raw, profile), [], report.Warnings, failures, content.Source, cancellation, deadline));
        if (stages.Sections is not null)
            report.Sections.AddRange(Stage("sections", () => stages.Sections.Recognize(content, profile), [], report.Warnings, failures, content.Source, cancellation, deadline));
        if (stages.Facts is not null)
            report.Facts.AddRange(Stage("facts", () => stages.Facts.Extract(content, profile, report.Tables, report.Sections, report.Warnings), [], report.Warnings, failures, content.Source, cancellation, deadline));
        if (stages.Checks is not null)
        {
            report.Checks.AddRange(Stage("checks", () => stages.Checks.Run(content, profile, report.Tables, report.Facts, report.Sections), [], report.Warnings, failures, content.Source, cancellation, deadline));
            var kept = Extractor.Recognition.Checks.OcrFactGuard.Keep(content, report.Tables, report.Facts, report.Checks, report.Warnings, settings.OcrConfidence);
            kept = Extractor.Recognition.Checks.OcrConfidenceGuard.Keep(content, kept, report.Warnings, settings.OcrConfidence);
            kept = Extractor.Recognition.Checks.OcrFigureForm.Keep(content, kept, report.Warnings);
            report.Facts.Clear();
            report.Facts.AddRange(kept);
            var softened = Extractor.Recognition.Checks.OcrCheckGuard.Soften(content, report.Tables, report.Checks, settings.OcrConfidence);
            report.Checks.Clear();
            report.Checks.AddRange(softened);
        }
        // A stage that broke leaves the document partial, never plain ok (stored as such, counted by ingest).
        if (failures.Count > 0) report.StageFailures = failures;
        return report;
    }

    /// <summary>
    /// The document's profile alone (kind, scope, agency, fiscal year, unit), read exactly as <see cref="Build"/>
    /// reads it: the one decision of the document's kind, for tools that need it without the later stages.
    /// </summary>
    public ReportDocument Profile(DocumentContent content, CancellationToken cancellation = default) =>
        DocumentProfiler.Profile(content, RawTables(content, [], [], cancellation, null));

    /// <summary>Only PDFs (and OCR'd scans) need tables found from geometry; other formats state theirs.</summary>
    private IReadOnlyList<RawTable> RawTables(DocumentContent content, List<string> warnings, List<StageFailure> failures,
        CancellationToken cancellation, Deadline? deadline) =>
        content.MediaType == "application/pdf" && stages.Tables is not null
            ? Stage("tables", () => stages.Tables.Extract(content), [], warnings, failures, content.Source, cancellation, deadline)
            : content.NativeTables;

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
    private T Stage<T>(string name, Func<T> run, T fallback, List<string> warnings, List<StageFailure> failures, string source,
        CancellationToken cancellation, Deadline? deadline = null)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            var result = Time(name, run);
            deadline?.Progress();
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's own text means nothing to a user; it goes to the log, the report says what broke.
            var reason = $"internal error in the {name} stage, a fault of the extractor, not of the document ({ErrorLog.Hint})";
            ErrorLog.Write(source, $"{name} failed", e);
            warnings.Add($"{name} failed: {reason}");
            failures.Add(new StageFailure(name.Replace(' ', '_'), reason));
            return fallback;
        }
    }
}

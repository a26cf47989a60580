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

    public Report Extract(string path, CancellationToken cancellation = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.PerDocumentTimeout);
        try
        {
            var content = stages.Read(path, new ReadLimits(settings.MaxPages, timeout.Token));
            return Build(content, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            throw new ExtractionException("timeout", $"took longer than the per-document limit of {settings.PerDocumentTimeout.TotalSeconds:0} s");
        }
    }

    public Report Build(DocumentContent content, CancellationToken cancellation = default)
    {
        IReadOnlyList<RawTable> raw = content.NativeTables.Count > 0 || stages.Tables is null
            ? content.NativeTables
            : stages.Tables.Extract(content);
        cancellation.ThrowIfCancellationRequested();
        var profile = DocumentProfiler.Profile(content, raw);
        var report = new Report { Document = profile };
        if (stages.Mapper is not null) report.Tables.AddRange(stages.Mapper.Map(content, raw, profile));
        cancellation.ThrowIfCancellationRequested();
        if (stages.Sections is not null) report.Sections.AddRange(stages.Sections.Recognize(content, profile));
        if (stages.Facts is not null)
            report.Facts.AddRange(stages.Facts.Extract(content, profile, report.Tables, report.Sections, report.Warnings));
        if (stages.Checks is not null)
            report.Checks.AddRange(stages.Checks.Run(content, profile, report.Tables, report.Facts, report.Sections));
        return report;
    }
}

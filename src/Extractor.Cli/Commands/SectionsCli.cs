using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Pipeline;
using Extractor.Sections.Learning;
using Extractor.Sections.Mapping;

namespace Extractor.Cli.Commands;

/// <summary>Shared pieces of the `train sections`, `eval sections` and `label export` commands.</summary>
internal static class SectionsCli
{
    public const string DefaultData = "corpus/labels/headings.tsv";
    public const string DefaultModel = "models/section-classifier.zip";

    /// <summary>Labelled rows and their classifier examples (with the rule layer's ids worked out per document).</summary>
    public static (IReadOnlyList<LabelledHeading> Rows, IReadOnlyList<HeadingExample> Examples) Load(string data)
    {
        if (!File.Exists(data)) throw new ArgumentException($"labels file not found: {data}");
        var rows = HeadingLabels.Read(data);
        if (rows.Count == 0) throw new ArgumentException($"no labelled rows in {data}");
        return (rows, HeadingLabels.ToExamples(rows, new RuleSectionMapper()));
    }

    /// <summary>Any format the pipeline reads (PDF, text, HTML, Word, Excel), through the pipeline's own readers.</summary>
    public static DocumentContent Read(string path) => ReaderStages.Value.Read(path, new ReadLimits());

    /// <summary>
    /// The document's kind as the pipeline decides it (the profile, from the document and its tables), so that a
    /// heading exported for labelling carries the kind the sections stage will be given.
    /// </summary>
    public static string Kind(DocumentContent document) => Profiler.Value.Profile(document).Kind;

    private static readonly Lazy<PipelineStages> ReaderStages = new(() => PipelineStages.ReadersAndTables());

    private static readonly Lazy<ReportExtractor> Profiler = new(() => new ReportExtractor(new ExtractionSettings(), ReaderStages.Value));
}

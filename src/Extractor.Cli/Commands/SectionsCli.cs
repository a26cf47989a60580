using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Pdf.Reading;
using Extractor.Readers.Text;
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

    public static DocumentContent Read(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".pdf" => new PdfDocumentReader().Read(path),
            ".txt" => new TextFileReader().Read(path, new ReadLimits()),
            var ext => throw new ArgumentException($"label export reads .pdf and .txt files, not {ext}"),
        };
}

using System.Collections.Concurrent;
using System.Text.Json;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Pdf.Reading;
using Extractor.Sections;
using Extractor.Sections.Learning;
using Extractor.TestSupport;

namespace Extractor.Sections.Tests;

/// <summary>Documents of the corpus read once per test run, and the committed model.</summary>
public static class TestDocuments
{
    private static readonly ConcurrentDictionary<string, DocumentContent> Cache = new();

    public static string ModelPath => Path.GetFullPath(Path.Combine(Corpus.Root, "..", "models", "section-classifier.zip"));
    public static string ModelCardPath => Path.ChangeExtension(ModelPath, ".json");
    public static string LabelsPath => Corpus.Path("labels", "headings.tsv");

    public static readonly Lazy<SectionRecognizer> WithModel = new(() => SectionRecognizer.WithModel(ModelPath));
    public static readonly SectionRecognizer RulesOnly = new();

    public static string[] DevDocuments =>
        Directory.GetFiles(Corpus.Path("dev"), "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

    public static string[] Seeds =>
        Directory.GetFiles(Corpus.Path("seeds"), "*.txt").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

    public static DocumentContent Pdf(string name) =>
        Cache.GetOrAdd("pdf:" + name, _ => new PdfDocumentReader().Read(Corpus.Path("dev", name + ".pdf")));

    /// <summary>A seed text as one page of lines, normalised as every reader normalises (no layout facts).</summary>
    public static DocumentContent Seed(string name) => Cache.GetOrAdd("seed:" + name, _ =>
    {
        var lines = File.ReadAllLines(Corpus.Path("seeds", name + ".txt"))
            .Select(l => new TextLine(TextNormalizer.Normalize(l), default, [])).ToList();
        return Text(lines.Select(l => l.Text).ToArray(), name);
    });

    public static DocumentContent Text(string[] lines, string source = "test.txt")
    {
        var page = new PageContent(1, 595, 842, [], lines.Select(l => new TextLine(TextNormalizer.Normalize(l), default, [])).ToList(), []);
        return new DocumentContent("0", source, "text/plain", [page], [], new Dictionary<string, string>());
    }

    public static ReportDocument Profile(string kind) => new() { Sha256 = "0", Source = "t", MediaType = "x", Kind = kind };

    public sealed record Label(string Id, string Heading, int Page);

    public static (string Kind, IReadOnlyList<Label> Sections) DevLabels(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Corpus.Path("dev", name + ".json")));
        var kind = json.RootElement.GetProperty("document").GetProperty("kind").GetString()!;
        var sections = json.RootElement.GetProperty("sections").EnumerateArray()
            .Select(s => new Label(s.GetProperty("id").GetString()!, s.GetProperty("heading_as_printed").GetString()!, s.GetProperty("page").GetInt32()))
            .ToList();
        return (kind, sections);
    }

    public static IReadOnlyList<LabelledHeading> SeedLabels(string name) =>
        HeadingLabels.Read(LabelsPath).Where(r => r.Doc == name).ToList();
}

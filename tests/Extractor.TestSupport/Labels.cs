using System.Text.Json;

namespace Extractor.TestSupport;

/// <summary>The labels beside corpus/dev PDFs (format: corpus README), read as plain JSON.</summary>
public static class Labels
{
    public static IEnumerable<string> Ids() =>
        Directory.GetFiles(Corpus.Path("dev"), "*.json").Select(f => System.IO.Path.GetFileNameWithoutExtension(f)!).Order();

    public static JsonElement Load(string id) =>
        JsonDocument.Parse(File.ReadAllText(Corpus.Path("dev", id + ".json"))).RootElement;

    public static string Pdf(string id) => Corpus.Path("dev", id + ".pdf");
}

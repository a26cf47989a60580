using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Pdf.Reading;
using Extractor.Tables.Document;
using Extractor.TestSupport;
using Xunit.Abstractions;

namespace Extractor.Tables.Tests;

/// <summary>
/// The labelled documents of corpus/dev: every labelled table is found on its pages, and every labelled
/// row is a row of it holding that code, that label (wrapped lines joined) and those values as printed.
/// </summary>
public class DevCorpusTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<RawTable>> Tables = new();

    private static IReadOnlyList<RawTable> TablesOf(string id) =>
        Tables.GetOrAdd(id, i => new DocumentTableExtractor().Extract(new PdfDocumentReader().Read(Corpus.Path("dev", i + ".pdf"))));

    public static IEnumerable<object[]> LabelledTables()
    {
        foreach (var file in Directory.GetFiles(Corpus.Path("dev"), "*.json").Order())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var id = Path.GetFileNameWithoutExtension(file);
            foreach (var t in json.RootElement.GetProperty("tables").EnumerateArray())
                yield return [id, t.GetProperty("id").GetString()!, t.GetProperty("page_start").GetInt32()];
        }
    }

    private static JsonElement Label(string doc, string table, int page)
    {
        var json = JsonDocument.Parse(File.ReadAllText(Corpus.Path("dev", doc + ".json")));
        return json.RootElement.GetProperty("tables").EnumerateArray()
            .First(t => t.GetProperty("id").GetString() == table && t.GetProperty("page_start").GetInt32() == page);
    }

    [Theory]
    [MemberData(nameof(LabelledTables))]
    public void LabelledTableIsFoundWithItsRows(string doc, string tableId, int pageStart)
    {
        var label = Label(doc, tableId, pageStart);
        var pageEnd = label.GetProperty("page_end").GetInt32();
        var candidates = TablesOf(doc).Where(t => t.PageStart <= pageEnd && t.PageEnd >= pageStart).ToList();
        Assert.True(candidates.Any(t => t.PageStart == pageStart), $"{doc} {tableId}: no table starts on page {pageStart}");
        if (!label.TryGetProperty("rows", out var rows)) return;
        var missing = new List<string>();
        foreach (var row in rows.EnumerateArray())
        {
            var code = row.TryGetProperty("code", out var c) ? TextNormalizer.Compact(TextNormalizer.Normalize(c.GetString())) : null;
            var text = row.TryGetProperty("label", out var l) ? TextNormalizer.Compact(TextNormalizer.Normalize(l.GetString())) : "";
            var values = row.TryGetProperty("values", out var v) ? v.EnumerateObject().Select(p => p.Value.GetDouble()).ToList() : [];
            if (!candidates.Any(t => t.Rows.Any(r => Holds(r, code, text, values))))
                missing.Add($"{code} {text} [{string.Join(", ", values)}]");
        }
        foreach (var m in missing) output.WriteLine("missing row: " + m);
        Assert.True(missing.Count == 0, $"{doc} {tableId}: {missing.Count} labelled rows not found, first: {missing.FirstOrDefault()}");
    }

    /// <summary>A raw row holding the code (possibly split over 类/款/项 cells), the label, and each value as printed.</summary>
    public static bool Holds(RawRow row, string? code, string label, IReadOnlyList<double> values)
    {
        var cells = row.Cells.Where(c => !c.IsCovered).Select(c => TextNormalizer.Compact(c.Text)).ToList();
        if (code is not null && !cells.Contains(code) && string.Concat(cells.TakeWhile(s => s.All(char.IsDigit))) != code) return false;
        if (label.Length > 0 && !cells.Contains(label)) return false;
        var numbers = cells.Select(Parse).Where(n => n is not null).Select(n => n!.Value).ToList();
        foreach (var v in values)
        {
            var i = numbers.FindIndex(n => Math.Abs(n - v) < 1e-6);
            if (i < 0) return false;
            numbers.RemoveAt(i);
        }
        return true;
    }

    private static double? Parse(string s)
    {
        if (s is "-" or "—" or "--") return 0;
        return double.TryParse(s.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}

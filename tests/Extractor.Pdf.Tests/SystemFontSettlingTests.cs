using Extractor.Pdf.Reading;
using Extractor.TestSupport;
using UglyToad.PdfPig;

namespace Extractor.Pdf.Tests;

/// <summary>
/// Non-embedded fonts are looked up among the installed fonts once, on one thread, before a document's pages are
/// read, so that concurrent readers (ingest workers, parallel pages, test classes) all draw them the same way.
/// </summary>
public class SystemFontSettlingTests
{
    [Fact]
    public void The_non_embedded_fonts_of_a_document_are_found_without_reading_its_pages()
    {
        // schools.pdf (tabula's suite) uses ArialMT and Arial-BoldMT without embedding them; Calibri is embedded.
        using var doc = PdfDocument.Open(Corpus.Path("peer", "tabula", "schools.pdf"));
        Assert.Equal(["Arial-BoldMT", "ArialMT"], SystemFontSettling.NonEmbeddedFontNames(doc).Order(StringComparer.Ordinal));
        // A report whose fonts are all embedded needs no lookup.
        using var embedded = PdfDocument.Open(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf"));
        Assert.Empty(SystemFontSettling.NonEmbeddedFontNames(embedded));
    }

    [Fact]
    public void Documents_read_at_once_on_several_threads_read_as_they_do_alone()
    {
        string[] files =
        [
            Corpus.Path("peer", "tabula", "schools.pdf"), Corpus.Path("peer", "tabula", "indictb1h_14.pdf"),
            Corpus.Path("peer", "camelot", "health.pdf"), Corpus.Path("dev", "js-gy-2018-dept-budget.pdf"),
        ];
        string Words(string file) => string.Join("\n", new PdfDocumentReader().Read(file).Pages
            .SelectMany(p => p.Words).Select(w => $"{w.Text} {w.Box.Left:0.00} {w.Box.Right:0.00}"));
        var alone = files.ToDictionary(f => f, Words);
        var together = files.Concat(files).AsParallel().WithDegreeOfParallelism(4).Select(f => (f, Words(f))).ToList();
        foreach (var (file, words) in together) Assert.Equal(alone[file], words);
    }
}

using System.IO.Compression;
using System.Text.Json;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>A ZIP attachment: each member becomes its own document, found on the archive.</summary>
public class ZipIngestTests
{
    [Fact]
    public void Zip_members_are_ingested_as_documents_found_on_the_archive()
    {
        using var tmp = new TempDir();
        var zip = tmp.File("attachments.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf"), "预算/sifaju.pdf");
            archive.CreateEntryFromFile(Corpus.Path("seeds", "003_5cba4ecd56cdf973.txt"), "yongzhou.txt");
            archive.CreateEntry("readme.bin").Open().Dispose();
        }
        var r = Cli.Run(tmp.Path, "ingest", "attachments.zip", "--db", "z.db");
        Assert.True(r.ExitCode == 0, r.Stderr);

        var docs = Cli.Run(tmp.Path, "documents", "--db", "z.db", "--format", "json").StdoutLines
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.Equal("attachments.zip", d.GetProperty("found_on").GetString()));
        Assert.Contains(docs, d => d.GetProperty("source").GetString() == "attachments.zip!预算/sifaju.pdf" && d.GetProperty("kind").GetString() == "budget");
        Assert.Contains(docs, d => d.GetProperty("source").GetString() == "attachments.zip!yongzhou.txt" && d.GetProperty("fiscal_year").GetInt32() == 2021);
    }
}

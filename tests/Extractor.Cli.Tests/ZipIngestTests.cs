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
    /// <summary>
    /// Issue 18, item 1: m2.zip = {mid.zip{inner.zip, a.pdf}, b.txt} used to lose the whole archive (bad_archive, exit 0,
    /// nothing stored). Now each member within the nesting limit is stored, what is left out is named on stderr, and an
    /// archive that cannot be read at all is stored as failed (bad_archive) and counted in the summary.
    /// </summary>
    [Fact]
    public void Zip_nested_twice_stores_its_members_and_a_broken_archive_is_counted()
    {
        using var tmp = new TempDir();
        var inner = tmp.File("inner.zip");
        using (var z = ZipFile.Open(inner, ZipArchiveMode.Create))
            z.CreateEntryFromFile(Corpus.Path("seeds", "000_b6464b9a7bea3343.txt"), "c.txt");
        var mid = tmp.File("mid.zip");
        using (var z = ZipFile.Open(mid, ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(inner, "inner.zip");
            z.CreateEntryFromFile(Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf"), "a.pdf");
        }
        Directory.CreateDirectory(tmp.File("in"));
        using (var z = ZipFile.Open(tmp.File("in/m2.zip"), ZipArchiveMode.Create))
        {
            z.CreateEntryFromFile(mid, "mid.zip");
            z.CreateEntryFromFile(Corpus.Path("seeds", "003_5cba4ecd56cdf973.txt"), "b.txt");
            z.CreateEntryFromFile(Corpus.Path("seeds", "001_cfc26b93a4164a2f.txt"), "../up.txt");
        }
        File.WriteAllBytes(tmp.File("in/broken.zip"), [.. "PK\u0003\u0004"u8, .. new byte[300]]);

        var r = Cli.Run(tmp.Path, "ingest", "in", "--db", "z.db");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.StderrLines, l => l.Contains("inner.zip") && l.Contains("nested"));
        Assert.Contains(r.StderrLines, l => l.Contains("../up.txt") && l.Contains("unsafe"));
        Assert.Contains(r.StderrLines, l => l.StartsWith("in/broken.zip: bad_archive:"));
        Assert.Contains(r.StdoutLines, l => l.Contains("failed") && l.Contains("bad_archive 1"));

        var docs = Cli.Run(tmp.Path, "documents", "--db", "z.db", "--format", "json").StdoutLines
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var sources = docs.Where(d => d.GetProperty("status").GetString() == "ok").Select(d => d.GetProperty("source").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["in/m2.zip!b.txt", "in/m2.zip!mid.zip!/a.pdf"], sources);
        var broken = Assert.Single(docs, d => d.GetProperty("status").GetString() == "failed");
        Assert.Equal("in/broken.zip", broken.GetProperty("source").GetString());
        Assert.Equal("bad_archive", broken.GetProperty("error").GetProperty("reason").GetString());
    }
}

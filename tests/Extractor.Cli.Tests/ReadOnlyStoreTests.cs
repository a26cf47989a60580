using System.Diagnostics;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>
/// Issue 18, item 3: a store on read-only media. `documents --db ro/store.db` used to fail with "unable to open database
/// file": every command opened the store to write (WAL switch, migrations). The read-only commands now open it read-only.
/// The media is a read-only bind mount made in a private mount namespace (`unshare -rm`, util-linux), so no privilege
/// is needed and nothing outside the test sees it.
/// </summary>
public class ReadOnlyStoreTests
{
    private const string ReadOnly = "mount --bind -o ro \"$1\" \"$1\" && ! touch \"$1/probe\" 2>/dev/null";

    private static ProcessStartInfo OnReadOnlyMedia(string dir, string media, params string[] args) => PrivateMount.Start(dir, ReadOnly, media, args);

    private static CliResult Run(string dir, string media, params string[] args) => PrivateMount.Run(dir, ReadOnly, media, args);

    [Fact]
    [Trait("Category", "Slow")] // six processes, serve among them
    public async Task Documents_facts_compare_export_and_serve_read_a_store_on_read_only_media()
    {
        using var tmp = new TempDir();
        var media = Directory.CreateDirectory(tmp.File("media")).FullName;
        File.Copy(Corpus.Path("seeds", "000_b6464b9a7bea3343.txt"), Path.Combine(media, "report.txt"));
        var ingest = Cli.Run(tmp.Path, "ingest", "media/report.txt", "--db", "media/store.db");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var before = Directory.GetFiles(media).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        var docs = Run(tmp.Path, media, "documents", "--db", "media/store.db", "--format", "csv");
        Assert.True(docs.ExitCode == 0, docs.Stderr);
        Assert.Contains(docs.StdoutLines, l => l.Contains("media/report.txt") && l.Contains(",ok,"));

        var facts = Run(tmp.Path, media, "facts", "--db", "media/store.db", "--key", "three_public.*");
        Assert.True(facts.ExitCode == 0, facts.Stderr);
        Assert.NotEmpty(facts.StdoutLines);

        var compare = Run(tmp.Path, media, "compare", "--db", "media/store.db", "--key", "three_public.total", "--format", "csv");
        Assert.True(compare.ExitCode == 0, compare.Stderr);

        var export = Run(tmp.Path, media, "export", "--db", "media/store.db", "--format", "csv", "--out", tmp.File("out"));
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(File.Exists(tmp.File("out/facts.csv")));

        // serve: start it on a free port, ask for the documents, stop it.
        using (var serve = Process.Start(OnReadOnlyMedia(tmp.Path, media, "serve", "--db", "media/store.db", "--port", "0"))!)
        {
            var errors = serve.StandardError.ReadToEndAsync();
            try
            {
                var line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                if (line is null || !line.Contains("http://127.0.0.1:"))
                {
                    serve.Kill(entireProcessTree: true);
                    Assert.Fail("serve did not start: " + await errors);
                }
                var url = line!.Split(' ')[2];
                using var http = new HttpClient();
                var body = await http.GetStringAsync(url + "/api/documents");
                Assert.Contains("media/report.txt", body);
            }
            finally { serve.Kill(entireProcessTree: true); serve.WaitForExit(); }
        }

        Assert.Equal(before, Directory.GetFiles(media).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Issue 18, item 12: a store written by a newer extractor is refused naming its file, in every command.</summary>
    [Fact]
    public void A_store_from_a_newer_extractor_is_refused_naming_its_file()
    {
        using var tmp = new TempDir();
        File.Copy(Corpus.Path("seeds", "000_b6464b9a7bea3343.txt"), tmp.File("report.txt"));
        Assert.Equal(0, Cli.Run(tmp.Path, "ingest", "report.txt", "--db", "future.db").ExitCode);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.File("future.db")};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')";
            cmd.ExecuteNonQuery();
        }
        foreach (var args in new[] { new[] { "ingest", "report.txt", "--db", "future.db" }, ["documents", "--db", "future.db"] })
        {
            var r = Cli.Run(tmp.Path, args);
            Assert.Equal(1, r.ExitCode);
            var line = Assert.Single(r.StderrLines);
            Assert.StartsWith("future.db: ", line);
            Assert.Contains("newer than this extractor's", line);
        }
    }
}

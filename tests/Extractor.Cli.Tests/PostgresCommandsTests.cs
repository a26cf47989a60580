using System.Text.RegularExpressions;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>
/// Every store command, run as a process, answers the same on a PostgreSQL database as on a SQLite file (ingest,
/// documents, facts, compare, export), bar the time each document was stored. The job commands want PostgreSQL and
/// say so on SQLite.
/// </summary>
public class PostgresCommandsTests
{
    // Bar the time each document was stored, and where internal errors' details go (beside a SQLite store; a
    // PostgreSQL store has no folder of its own, so the default log).
    private static string WithoutTimes(string text) =>
        Regex.Replace(Regex.Replace(text, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", "<time>"), @"details in [^)""]+", "details in <log>");

    [Fact]
    public void Store_commands_answer_the_same_on_postgres_as_on_sqlite()
    {
        using var tmp = new TempDir();
        var pg = PostgresServer.Instance.NewDatabase("cli");
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        foreach (var seed in Directory.GetFiles(Corpus.Path("seeds"))) File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)));
        File.WriteAllText(Path.Combine(input, "broken.pdf"), "%PDF-1.4 and nothing else");

        var outputs = new Dictionary<string, List<string>>();
        foreach (var db in new[] { "s.db", pg })
        {
            var ingest = Cli.Run(tmp.Path, "ingest", "in", "--db", db, "--workers", "1");
            Assert.True(ingest.ExitCode == 0, ingest.Stderr);
            Assert.Matches(@"ok +5", ingest.Stdout);
            var runs = new List<string>();
            foreach (var args in new[]
            {
                new[] { "documents", "--format", "csv" }, ["documents", "--format", "json"],
                ["facts", "--key", "three_public.*"], ["facts", "--format", "csv", "--agency", "局"],
                ["compare", "--key", "three_public.total", "--format", "csv"],
            })
            {
                var r = Cli.Run(tmp.Path, [.. args, "--db", db]);
                Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: {r.Stderr}");
                runs.Add(WithoutTimes(r.Stdout));
            }
            var outDir = db == pg ? "pg-out" : "sqlite-out";
            var export = Cli.Run(tmp.Path, "export", "--db", db, "--format", "csv", "--out", outDir);
            Assert.True(export.ExitCode == 0, export.Stderr);
            runs.AddRange(Directory.GetFiles(tmp.File(outDir)).Order(StringComparer.Ordinal)
                .Select(f => Path.GetFileName(f) + "\n" + Regex.Replace(WithoutTimes(File.ReadAllText(f)), @",<time>,\d*\r?\n", ",<time>,<ms>\n")));
            outputs[db == pg ? "postgres" : "sqlite"] = runs;
        }
        Assert.True(outputs["sqlite"][0].Split('\n').Length > 5, outputs["sqlite"][0]);
        Assert.Equal(outputs["sqlite"], outputs["postgres"]);
    }

    [Fact]
    public void A_password_in_the_connection_string_is_never_printed_and_jobs_want_postgres()
    {
        using var tmp = new TempDir();
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString) { Password = "hunter2", Database = "absent_db" };
        var r = Cli.Run(tmp.Path, "documents", "--db", admin.ConnectionString);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot open store", r.Stderr);
        Assert.DoesNotContain("hunter2", r.Stderr + r.Stdout);

        foreach (var command in new[] { "status", "worker" })
        {
            var sqlite = Cli.Run(tmp.Path, command, "--db", "s.db");
            Assert.Equal(2, sqlite.ExitCode);
            Assert.Contains("PostgreSQL", sqlite.Stderr);
        }
        var enqueue = Cli.Run(tmp.Path, "enqueue", Corpus.Path("seeds"), "--db", "s.db");
        Assert.Equal(2, enqueue.ExitCode);
        Assert.Contains("jobs need a PostgreSQL store", enqueue.Stderr);
    }
}

using System.Text.Json;
using Extractor.Store;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>`extractor ingest`, `documents` and `facts`, run as processes against real SQLite files.</summary>
public class IngestCommandTests
{
    private static List<JsonElement> JsonLines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static List<JsonElement> Documents(string dir, string db)
    {
        var r = Cli.Run(dir, "documents", "--db", db, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonLines(r.Stdout);
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public void A_batch_with_bad_documents_stores_them_as_failed_and_goes_on()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        BadInputs.Write(input);
        File.Copy(Corpus.Path("dev", BadInputs.GoodPdf), Path.Combine(input, "budget, copy.pdf"));

        // the folder (its .png is not taken from a folder), the image named outright, and a path that does not exist
        var r = Cli.Run(tmp.Path, "ingest", "in", Path.Combine("in", "image.png"), "missing.pdf", "--db", "s.db", "--workers", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);

        var docs = Documents(tmp.Path, "s.db").ToDictionary(d => Path.GetFileName(Str(d, "source")!));
        var good = docs["budget, copy.pdf"];
        Assert.Equal("ok", Str(good, "status"));
        Assert.Equal(JsonValueKind.Null, good.GetProperty("error").ValueKind);

        var bad = BadInputs.Reasons.Keys.Where(f => f != "missing.pdf").ToList();
        foreach (var file in bad)
        {
            Assert.True(docs.ContainsKey(file), $"{file} not stored");
            Assert.Equal("failed", Str(docs[file], "status"));
            var reason = docs[file].GetProperty("error").GetProperty("reason").GetString();
            Assert.Contains(reason, BadInputs.Reasons[file]);
            Assert.Contains(r.StderrLines, l => l.StartsWith(Path.Combine("in", file) + ": " + reason + ": "));
        }
        Assert.Equal(bad.Count + 1, docs.Count); // missing.pdf has no bytes to store…
        Assert.Contains("missing.pdf: missing: file not found", r.StderrLines); // …but is reported
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Contains("failed", r.Stdout);

        using var store = ExtractorStore.Open(tmp.File("s.db"), create: false);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Ingesting_the_dev_corpus_twice_stores_each_document_once_with_provenance()
    {
        using var tmp = new TempDir();
        var dev = Corpus.Path("dev");
        var pdfs = Directory.GetFiles(dev, "*.pdf").Length;

        var first = Cli.Run(tmp.Path, "ingest", dev, "--db", "corpus.db", "--workers", "2");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var docs = Documents(tmp.Path, "corpus.db");
        Assert.Equal(pdfs, docs.Count);
        Assert.All(docs, d => Assert.True(Str(d, "status") == "ok", $"{Str(d, "source")}: {d.GetProperty("error")}"));
        Assert.Equal(pdfs, docs.Select(d => Str(d, "sha256")).Distinct().Count());

        var second = Cli.Run(tmp.Path, "ingest", dev, "--db", "corpus.db", "--workers", "2");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Matches($@"skipped\s+{pdfs}\b", second.Stdout);
        Assert.Matches(@"ok\s+0\b", second.Stdout);
        Assert.Equal(pdfs, Documents(tmp.Path, "corpus.db").Count);

        var facts = Cli.Run(tmp.Path, "facts", "--db", "corpus.db", "--format", "json");
        Assert.True(facts.ExitCode == 0, facts.Stderr);
        var shas = docs.Select(d => Str(d, "sha256")).ToHashSet();
        foreach (var f in JsonLines(facts.Stdout))
        {
            Assert.Contains(Str(f, "sha256"), shas);
            Assert.False(string.IsNullOrEmpty(Str(f, "extractor_version")));
            Assert.True(f.GetProperty("provenance").GetProperty("page").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.Number, f.GetProperty("value").ValueKind);
        }

        using var store = ExtractorStore.Open(tmp.File("corpus.db"), create: false);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void The_page_limit_fails_a_document_without_stopping_the_batch()
    {
        using var tmp = new TempDir();
        File.Copy(Corpus.Path("dev", BadInputs.GoodPdf), tmp.File("long.pdf"));
        var r = Cli.Run(tmp.Path, "ingest", "long.pdf", "--db", "s.db", "--max-pages", "1", "--timeout-s", "60");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("long.pdf: too_many_pages: ", Assert.Single(r.StderrLines, l => l.StartsWith("long.pdf")));
        var doc = Assert.Single(Documents(tmp.Path, "s.db"));
        Assert.Equal("too_many_pages", doc.GetProperty("error").GetProperty("reason").GetString());

        // the same bytes are not retried by the same extractor version… unless asked
        Assert.Matches(@"skipped\s+1\b", Cli.Run(tmp.Path, "ingest", "long.pdf", "--db", "s.db").Stdout);
        var retry = Cli.Run(tmp.Path, "ingest", "long.pdf", "--db", "s.db", "--retry-failed");
        Assert.Matches(@"ok\s+1\b", retry.Stdout);
        Assert.Equal("ok", Str(Assert.Single(Documents(tmp.Path, "s.db")), "status"));
    }

    [Fact]
    public void Documents_as_csv_follow_rfc_4180()
    {
        using var tmp = new TempDir();
        var input = Directory.CreateDirectory(tmp.File("in")).FullName;
        File.WriteAllBytes(Path.Combine(input, "a \"quoted\", name.pdf"), []);
        Assert.Equal(0, Cli.Run(tmp.Path, "ingest", "in", "--db", "s.db").ExitCode);

        var r = Cli.Run(tmp.Path, "documents", "--db", "s.db", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var rows = Csv.Parse(r.Stdout);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["sha256", "source", "found_on"], rows[0].Take(3));
        Assert.Equal(rows[0].Count, rows[1].Count);
        Assert.Equal(Path.Combine("in", "a \"quoted\", name.pdf"), rows[1][1]);
        Assert.Equal("failed", rows[1][rows[0].IndexOf("status")]);
        Assert.Equal("empty", rows[1][rows[0].IndexOf("error_reason")]);
        Assert.Contains("\r\n", r.Stdout);

        var facts = Cli.Run(tmp.Path, "facts", "--db", "s.db", "--format", "csv", "--year", "2024", "--key", "three_public.*");
        Assert.Equal(0, facts.ExitCode);
        Assert.Equal("sha256", Assert.Single(Csv.Parse(facts.Stdout))[0]); // header only
    }

    [Fact]
    public void A_store_that_cannot_be_opened_or_no_input_is_a_non_zero_exit()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("not-a.db"), "plain text, not a SQLite database; long enough to be read as a header");
        File.Copy(Corpus.Path("dev", BadInputs.GoodPdf), tmp.File("good.pdf"));

        var notDb = Cli.Run(tmp.Path, "ingest", "good.pdf", "--db", "not-a.db");
        Assert.Equal(1, notDb.ExitCode);
        Assert.Contains("cannot open store", Assert.Single(notDb.StderrLines));

        var noInput = Cli.Run(tmp.Path, "ingest", "nothing-here.pdf", "--db", "new.db");
        Assert.NotEqual(0, noInput.ExitCode);
        Assert.Contains("nothing-here.pdf: missing: file not found", noInput.StderrLines);
        Assert.False(File.Exists(tmp.File("new.db")));

        foreach (var cmd in new[] { "documents", "facts" })
        {
            var r = Cli.Run(tmp.Path, cmd, "--db", "absent.db");
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("no store at absent.db", Assert.Single(r.StderrLines));
        }
    }

    /// <summary>Issue 18, item 2: numeric options are checked when the command line is parsed, before any store or document is touched.</summary>
    [Theory]
    [InlineData("ingest", "--timeout-s", "4294967")]
    [InlineData("ingest", "--workers", "0")]
    [InlineData("ingest", "--max-pages", "0")]
    [InlineData("extract", "--timeout-s", "0")]
    [InlineData("crawl", "--delay-ms", "-1")]
    [InlineData("crawl", "--max-depth", "1000")]
    [InlineData("facts", "--year", "99999")]
    [InlineData("serve", "--port", "70000")]
    public void A_numeric_option_out_of_range_is_refused_before_anything_runs(string command, string option, string value)
    {
        using var tmp = new TempDir();
        File.Copy(Corpus.Path("dev", BadInputs.GoodPdf), tmp.File("good.pdf"));
        string[] args = command switch
        {
            "ingest" => ["ingest", "good.pdf", "--db", "s.db"],
            "extract" => ["extract", "good.pdf"],
            "crawl" => ["crawl", "http://127.0.0.1:9/", "--db", "s.db"],
            _ => [command, "--db", "s.db"],
        };
        var r = Cli.Run(tmp.Path, [.. args, option, value]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(r.StderrLines, l => l.Contains($"{option} must be from") && l.Contains($"(got {value})"));
        Assert.DoesNotContain("\"schema\"", r.Stdout); // no report: extract did not run
        Assert.False(File.Exists(tmp.File("s.db")), "the store was created");
    }
}

/// <summary>A strict RFC 4180 reader for the tests.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            else if (text[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i += 2; }
            else field.Append(text[i++]);
        }
        Assert.True(field.Length == 0 && row.Count == 0, "CSV does not end with CRLF");
        return rows;
    }
}

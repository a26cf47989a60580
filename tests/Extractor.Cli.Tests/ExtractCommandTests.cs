using System.Security.Cryptography;
using System.Text.Json;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>`extractor extract FILE --format json`, run as a process.</summary>
public class ExtractCommandTests
{
    /// <summary>Non-zero exit, nothing on stdout, exactly one stderr line "FILE: reason: message", no stack trace.</summary>
    internal static void AssertOneLineFailure(CliResult r, string file)
    {
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var line = Assert.Single(r.StderrLines);
        Assert.StartsWith(file + ": ", line);
        var reason = line[(file.Length + 2)..].Split(": ")[0];
        Assert.Contains(reason, BadInputs.Reasons[Path.GetFileName(file)]);
        Assert.DoesNotContain(" at ", r.Stderr.Replace(file, ""));
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Theory]
    [InlineData("missing.pdf")]
    [InlineData("empty.pdf")]
    [InlineData("truncated.pdf")]
    [InlineData("error-page.pdf")]
    [InlineData("image.png")]
    public void Bad_input_is_one_line_on_stderr_and_a_non_zero_exit(string file)
    {
        using var tmp = new TempDir();
        BadInputs.Write(tmp.Path);
        AssertOneLineFailure(Cli.Run(tmp.Path, "extract", file, "--format", "json"), file);
    }

    [Fact]
    public void An_encrypted_pdf_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        using var tmp = new TempDir();
        BadInputs.Write(tmp.Path);
        AssertOneLineFailure(Cli.Run(tmp.Path, "extract", "encrypted.pdf", "--format", "json"), "encrypted.pdf");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Text_of_a_scanned_page_is_its_ocr_reading()
    {
        // A real scan (no text layer): the reader alone sees nothing; text OCRs the page asked for, and only that page.
        using var tmp = new TempDir();
        var r = Cli.Run(tmp.Path, "text", Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf"), "--pages", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("=== page 2 ", r.StdoutLines[0]);
        Assert.Contains("OCR confidence", r.StdoutLines[0]);
        Assert.Contains(r.StdoutLines, l => l.Contains("项目产出成果及效益情况分析"));
        Assert.DoesNotContain(r.StdoutLines, l => l.StartsWith("=== page 1 "));
    }

    [Fact]
    public void A_good_pdf_prints_one_report_object()
    {
        using var tmp = new TempDir();
        var pdf = Corpus.Path("dev", BadInputs.GoodPdf);
        var r = Cli.Run(tmp.Path, "extract", pdf, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        Assert.Equal("report/v1", json.RootElement.GetProperty("schema").GetString());
        var doc = json.RootElement.GetProperty("document");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(pdf))), doc.GetProperty("sha256").GetString());
        Assert.True(doc.GetProperty("pages").GetInt32() > 0);
        foreach (var key in new[] { "sections", "tables", "facts", "checks" })
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty(key).ValueKind);
    }

    [Fact]
    public void An_unknown_format_is_refused_by_the_parser()
    {
        using var tmp = new TempDir();
        var r = Cli.Run(tmp.Path, "extract", "x.pdf", "--format", "xml");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("xml", r.Stderr);
    }

    [Fact]
    public void Timings_name_every_stage_on_stderr_and_leave_the_report_alone()
    {
        using var tmp = new TempDir();
        var pdf = Corpus.Path("dev", BadInputs.GoodPdf);
        var plain = Cli.Run(tmp.Path, "extract", pdf);
        var timed = Cli.Run(tmp.Path, "extract", pdf, "--timings");
        Assert.True(timed.ExitCode == 0, timed.Stderr);
        Assert.Equal(plain.Stdout, timed.Stdout);
        var stages = timed.StderrLines.Where(l => l.StartsWith("timing ")).Select(l => l.Split(' ')).ToList();
        Assert.Equal(["setup", "read", "tables", "profile", "table_mapping", "sections", "facts", "checks"], stages.Select(s => s[1]));
        Assert.All(stages, s => Assert.True(double.Parse(s[2], System.Globalization.CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public void A_named_command_and_the_full_help_both_work()
    {
        // Only the named command is built for a run; without one every command is listed.
        using var tmp = new TempDir();
        var help = Cli.Run(tmp.Path, "--help");
        foreach (var command in new[] { "extract", "tables", "ingest", "serve", "compare" }) Assert.Contains(command, help.Stdout);
        var tables = Cli.Run(tmp.Path, "tables", Corpus.Path("dev", BadInputs.GoodPdf), "--pages", "1", "--method", "lattice");
        Assert.True(tables.ExitCode == 0, tables.Stderr);
        Assert.NotEqual(0, Cli.Run(tmp.Path, "tabels", "x.pdf").ExitCode);
    }
}

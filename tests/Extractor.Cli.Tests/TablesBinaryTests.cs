using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>
/// `extractor-tables` is the `tables` command alone, compiled ahead of time for scripts that run one process per file:
/// it must print exactly what `extractor tables` prints, and fail on bad input the same way.
/// </summary>
public class TablesBinaryTests
{
    private const string Report = "js-gy-2018-dept-budget.pdf"; // ruled and unruled tables, a table across pages

    [Theory]
    [InlineData("csv", "lattice", "all")]
    [InlineData("json", "auto", "all")]
    [InlineData("csv", "stream", "9-11")]
    public void Prints_what_extractor_tables_prints(string format, string method, string pages)
    {
        using var tmp = new TempDir();
        string[] args = [Corpus.Path("dev", Report), "--format", format, "--method", method, "--pages", pages];
        var full = Cli.Run(tmp.Path, ["tables", .. args]);
        var lean = Cli.RunProgram(Cli.TablesDll, tmp.Path, args);
        Assert.True(full.ExitCode == 0, full.Stderr);
        Assert.True(lean.ExitCode == 0, lean.Stderr);
        Assert.Contains("收入", lean.Stdout);
        Assert.Equal(full.Stdout, lean.Stdout);
    }

    [Fact]
    public void Bad_input_names_the_file_and_exits_2()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("notes.pdf"), "not a PDF at all");
        foreach (var (file, reason) in new[] { (tmp.File("missing.pdf"), "missing"), (tmp.File("notes.pdf"), "not_a_pdf") })
        {
            var r = Cli.RunProgram(Cli.TablesDll, tmp.Path, file);
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith($"{file}: {reason}", r.Stderr);
        }
        var area = Cli.RunProgram(Cli.TablesDll, tmp.Path, Corpus.Path("dev", Report), "--area", "1,2,3");
        Assert.Equal(2, area.ExitCode);
        Assert.Contains("bad area '1,2,3'", area.Stderr);
    }

    /// <summary>
    /// The published native binary, built here as README's "Publishing" builds it (in a folder of its own, so the
    /// solution's build outputs are untouched): code that needs run-time code generation or reflection over trimmed
    /// types would build and then fail only in this binary, so it is run on a real report and compared.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void The_native_binary_publishes_and_prints_the_same()
    {
        using var tmp = new TempDir();
        var repo = Directory.GetParent(Corpus.Root)!.FullName;
        var publish = Cli.RunProgram(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", repo, TimeSpan.FromMinutes(15),
            ["publish", Path.Combine(repo, "src", "Extractor.Tables.Cli"), "-c", "Release", "-r", "linux-x64", "-nologo",
             "-o", tmp.File("out"), "--artifacts-path", tmp.File("artifacts")]);
        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        var native = tmp.File(Path.Combine("out", "extractor-tables"));
        Assert.True(File.Exists(native), publish.Stdout);
        Assert.False(File.Exists(tmp.File(Path.Combine("out", "extractor-tables.dll"))), "published as a managed assembly, not native");

        string[] args = [Corpus.Path("dev", Report), "--format", "json"];
        var lean = Cli.RunProgram(native, tmp.Path, args);
        var full = Cli.Run(tmp.Path, ["tables", .. args]);
        Assert.True(lean.ExitCode == 0, lean.Stderr);
        Assert.Equal(full.Stdout, lean.Stdout);
        var bad = Cli.RunProgram(native, tmp.Path, tmp.File("missing.pdf"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("missing", bad.Stderr);
    }
}

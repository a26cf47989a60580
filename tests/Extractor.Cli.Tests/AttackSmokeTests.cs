using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>
/// scripts/attack, the re-runnable attack of issue 18, in its --smoke form: a few inputs of every family (mutated PDFs,
/// Office files, archives, web pages, kill -9 during ingest, a hostile crawl site, requests to serve), run through the
/// built CLI. It must end clean: no crash, no stack trace in what a user reads, stores intact, nothing lost. The full
/// counts are for `scripts/attack` by hand (tens of minutes).
/// </summary>
[Trait("Category", "Slow")]
public class AttackSmokeTests
{
    [Fact]
    public void The_attack_script_runs_a_few_inputs_of_every_family_clean()
    {
        using var tmp = new TempDir();
        var dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var script = Path.Combine(Path.GetDirectoryName(Corpus.Root)!, "scripts", "attack");
        var r = Cli.RunProgram("python3", tmp.Path, TimeSpan.FromMinutes(30),
            [script, "--smoke", "--out", Path.Combine(tmp.Path, "attack"), "--extractor", $"{dotnet} {dll}"]);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        foreach (var family in new[] { "pdf", "office", "archive", "html", "kill", "crawl", "serve" })
            Assert.Contains($"== {family}:", r.Stdout);
        Assert.Contains("attack: clean", r.Stdout);
    }
}

using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>
/// The contract and the answers a new user gets from the command line: the ids with their Chinese names, keys found
/// by Chinese name, unknown keys refused with the nearest ones, empty answers that say what exists, mistyped
/// options in plain words, and the version with its commit.
/// </summary>
public class AnswerCommandTests
{
    private static TempDir Store()
    {
        var tmp = new TempDir();
        foreach (var seed in new[] { "000_b6464b9a7bea3343.txt", "002_8c8dc4d06f328e88.txt" })
            File.Copy(Corpus.Path("seeds", seed), tmp.File(seed));
        var r = Cli.Run(tmp.Path, "ingest", ".", "--db", "s.db");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return tmp;
    }

    [Fact]
    public void Schema_lists_the_keys_with_chinese_names_and_stored_counts()
    {
        using var tmp = Store();
        var keys = Cli.Run(tmp.Path, "schema", "keys", "--db", "s.db", "--format", "csv");
        Assert.True(keys.ExitCode == 0, keys.Stderr);
        Assert.Equal("key,name,unit,documents,budget,prior_year", keys.StdoutLines[0].TrimEnd('\r'));
        Assert.Contains(keys.StdoutLines, l => l.StartsWith("three_public.total,“三公”经费合计,万元,2,", StringComparison.Ordinal));
        var checks = Cli.Run(tmp.Path, "schema", "checks");
        Assert.Contains(checks.StdoutLines, l => l.StartsWith("<table>.total_equals_sum_of_classes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_is_found_by_its_chinese_name_and_an_unknown_one_is_refused_with_the_nearest()
    {
        using var tmp = Store();
        var byName = Cli.Run(tmp.Path, "facts", "--db", "s.db", "--key", "三公", "--format", "csv");
        Assert.True(byName.ExitCode == 0, byName.Stderr);
        Assert.Contains("--key 三公: three_public.total", byName.Stderr);
        Assert.Equal(3, byName.StdoutLines.Length); // header + two documents

        var unknown = Cli.Run(tmp.Path, "facts", "--db", "s.db", "--key", "three_public.totl");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no such fact key", unknown.Stderr);
        Assert.Contains("three_public.total (“三公”经费合计)", unknown.Stderr);
        Assert.Empty(unknown.Stdout);
    }

    [Fact]
    public void An_empty_answer_says_what_the_store_holds_and_a_mistyped_option_is_one_plain_line()
    {
        using var tmp = Store();
        var none = Cli.Run(tmp.Path, "compare", "--db", "s.db", "--key", "three_public.total", "--year", "2030");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("no stored document for fiscal year 2030 holds three_public.total", none.Stdout);
        Assert.Contains("It is held by 2 documents: years 2020 (1), 2022 (1)", none.Stdout);

        var year = Cli.Run(tmp.Path, "compare", "--db", "s.db", "--key", "three_public.total", "--year", "abc");
        Assert.Equal(2, year.ExitCode);
        Assert.Equal(["extractor compare: --year expects a year such as 2024, not 'abc'", "Run 'extractor compare --help' for its options."], year.StderrLines);
        Assert.DoesNotContain("System.", year.Stderr);
    }

    [Fact]
    public void A_busy_port_is_one_line()
    {
        using var tmp = Store();
        var held = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        held.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)held.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var r = Cli.Run(tmp.Path, "serve", "--db", "s.db", "--port", port);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal([$"serve: port {port} on 127.0.0.1 is in use (another serve?); pick another with --port N, or --port 0 for any free port"], r.StderrLines);
            Assert.Empty(r.Stdout);
        }
        finally { held.Stop(); }
    }

    [Fact]
    public void The_version_names_the_commit_it_was_built_from()
    {
        using var tmp = new TempDir();
        var r = Cli.Run(tmp.Path, "--version");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"^\d+\.\d+\.\d+\+[0-9a-f]{40}$", r.Stdout.Trim());
    }
}

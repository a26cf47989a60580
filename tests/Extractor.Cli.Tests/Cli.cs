using System.Diagnostics;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // each test runs extraction processes: one at a time

namespace Extractor.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the built CLI (extractor.dll, or extractor-tables.dll, copied next to this test assembly by the project
/// references) as a real process.
/// </summary>
public static class Cli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
    public static readonly string TablesDll = Path.Combine(AppContext.BaseDirectory, "extractor-tables.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => RunProgram(Dll, workingDirectory, args);

    public static CliResult RunProgram(string program, string workingDirectory, params string[] args) =>
        RunProgram(program, workingDirectory, TimeSpan.FromMinutes(5), args);

    /// <summary>The CLI with <paramref name="environment"/> set (PATH without the OCR tools, say).</summary>
    public static CliResult RunWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args) =>
        RunProgram(Dll, workingDirectory, TimeSpan.FromMinutes(5), args, environment);

    /// <summary>Runs <paramref name="program"/>: a managed .dll through the dotnet host, anything else as it is.</summary>
    public static CliResult RunProgram(string program, string workingDirectory, TimeSpan limit, string[] args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var managed = program.EndsWith(".dll", StringComparison.Ordinal);
        var psi = new ProcessStartInfo(managed ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (managed)
        {
            Assert.True(File.Exists(program), $"built program not found at {program}");
            psi.ArgumentList.Add(program);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', args)} did not finish in {limit}");
        }
        p.WaitForExit();
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("extractor-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

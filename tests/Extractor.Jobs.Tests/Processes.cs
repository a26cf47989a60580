using System.Collections.Concurrent;
using System.Diagnostics;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // each test runs several worker processes: one test at a time

namespace Extractor.Jobs.Tests;

/// <summary>A running `extractor` process (a worker, serve): its output collected line by line; killed if the test ends first.</summary>
public sealed class ExtractorProcess : IDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
    private readonly Process _process;

    public ConcurrentQueue<string> Output { get; } = new();
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to end and its output to be read; false when it runs past <paramref name="limit"/>.</summary>
    public bool WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit)) return false;
        _process.WaitForExit(); // the output handlers finish
        return true;
    }

    /// <summary>SIGTERM: the worker finishes or hands back its jobs and exits.</summary>
    public void Stop()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private ExtractorProcess(Process process) => _process = process;

    public static ExtractorProcess Start(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"built program not found at {Dll}");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var p = new ExtractorProcess(Process.Start(psi)!);
        p._process.OutputDataReceived += (_, e) => { if (e.Data is not null) p.Output.Enqueue(e.Data); };
        p._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) p.Output.Enqueue("stderr: " + e.Data); };
        p._process.BeginOutputReadLine();
        p._process.BeginErrorReadLine();
        return p;
    }

    /// <summary>SIGKILL: no clean-up of any kind, as a machine losing power or the OOM killer would do it.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

/// <summary>Runs `extractor` to completion (enqueue, ingest, status).</summary>
public static class Cli
{
    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        using var p = ExtractorProcess.Start(workingDirectory, args);
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) Assert.Fail($"extractor {string.Join(' ', args)} did not finish in 10 minutes");
        var lines = p.Output.ToList();
        return (p.ExitCode, string.Join('\n', lines.Where(l => !l.StartsWith("stderr: "))),
            string.Join('\n', lines.Where(l => l.StartsWith("stderr: ")).Select(l => l[8..])));
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("extractor-jobs-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

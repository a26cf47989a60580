using System.Diagnostics;

namespace Extractor.Ocr;

/// <summary>Runs a Debian tool (pdftoppm, tesseract) with a time limit; no shell, arguments passed as a list.</summary>
public static class ExternalTool
{
    /// <summary>The tool is in one of the folders of <paramref name="searchPath"/> (':'-separated; null: PATH).</summary>
    public static bool Exists(string name, string? searchPath = null) =>
        (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, name)));

    public static string Run(string tool, IEnumerable<string> args, TimeSpan limit, CancellationToken cancellation)
    {
        var psi = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["OMP_THREAD_LIMIT"] = "1"; // tesseract's own threads fight the batch's workers
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        // Waits for the limit or the caller's cancellation (the document's deadline), whichever comes first: a
        // document that ran out of time does not wait for its tool to finish a page.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        waiting.CancelAfter(limit);
        try { process.WaitForExitAsync(waiting.Token).GetAwaiter().GetResult(); }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            cancellation.ThrowIfCancellationRequested();
            throw new Core.Pipeline.ExtractionException("timeout", $"{tool} took longer than {limit.TotalSeconds:0} s on one page");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result.Split('\n')[0]}");
        return stdout.Result;
    }
}

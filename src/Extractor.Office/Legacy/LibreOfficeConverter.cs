using System.Diagnostics;
using Extractor.Core.Pipeline;

namespace Extractor.Office.Legacy;

/// <summary>
/// Converts legacy office files (.doc, .wps → .docx; .xls, .et → .xlsx) with LibreOffice headless. Each
/// conversion runs in its own temporary folder with its own profile (-env:UserInstallation), so runs never
/// share or lock a profile, and is killed after <see cref="Timeout"/>. Without LibreOffice the file fails with
/// reason "unsupported_format" and a message naming what to install.
/// </summary>
public sealed class LibreOfficeConverter
{
    /// <summary>Environment variable naming the soffice executable when it is not on PATH.</summary>
    public const string ExecutableVariable = "EXTRACTOR_SOFFICE";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The soffice to run; null finds it on PATH (or <see cref="ExecutableVariable"/>). A path that does not exist means "not installed".</summary>
    public string? Executable { get; init; }

    private string? Locate() => Executable is null ? FindExecutable() : File.Exists(Executable) ? Executable : null;

    /// <summary>soffice on this machine, or null.</summary>
    public static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured && File.Exists(configured)) return configured;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "soffice", "libreoffice", "soffice.exe" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    public static bool IsAvailable => FindExecutable() is not null;

    /// <summary>
    /// The bytes of <paramref name="path"/> converted to <paramref name="targetExtension"/> ("docx" or "xlsx" for
    /// reading; "doc", "xls" or "pdf" to make test files).
    /// <paramref name="sourceExtension"/> is the extension the content really has (doc, xls, wps, et), so
    /// LibreOffice picks its import filter whatever the file is called.
    /// </summary>
    public byte[] Convert(string path, string sourceExtension, string targetExtension, CancellationToken cancellation = default,
        string? displayExtension = null)
    {
        var shown = displayExtension ?? sourceExtension;
        var soffice = Locate()
                      ?? throw new ExtractionException("unsupported_format", $"unsupported format (install LibreOffice to read .{shown})");
        var work = Path.Combine(Path.GetTempPath(), "extractor-lo-" + Guid.NewGuid().ToString("N"));
        var outDir = Path.Combine(work, "out");
        Directory.CreateDirectory(outDir);
        try
        {
            var input = Path.Combine(work, "input." + sourceExtension);
            File.Copy(path, input);
            var filter = targetExtension switch
            {
                "xlsx" => "xlsx:Calc MS Excel 2007 XML",
                "docx" => "docx:MS Word 2007 XML",
                "doc" => "doc:MS Word 97",
                "xls" => "xls:MS Excel 97",
                _ => targetExtension, // pdf and others: LibreOffice's default export filter
            };
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri);
            foreach (var a in new[] { "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", filter, "--outdir", outDir, input })
                start.ArgumentList.Add(a);
            start.Environment["HOME"] = work;
            using var process = Process.Start(start) ?? throw new ExtractionException("conversion_failed", "LibreOffice did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(Timeout);
            try
            {
                process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancellation.ThrowIfCancellationRequested();
                throw new ExtractionException("timeout", $"LibreOffice took longer than {Timeout.TotalSeconds:0} s to convert the .{shown}");
            }
            var output = Path.Combine(outDir, "input." + targetExtension);
            if (!File.Exists(output))
            {
                var why = (stderr.IsCompleted ? stderr.Result : "").Trim().Split('\n')[0];
                throw new ExtractionException("conversion_failed", $"LibreOffice could not convert the .{shown} (exit {process.ExitCode}){(why.Length > 0 ? ": " + why : "")}");
            }
            _ = stdout;
            return File.ReadAllBytes(output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

using System.Diagnostics;

namespace Extractor.Cli.Tests;

/// <summary>
/// Runs the CLI with a folder mounted for it alone — read-only, or a tiny tmpfs that fills up — in a private user and
/// mount namespace (`unshare -rm`, util-linux): no privilege needed, nothing outside the process sees the mount.
/// </summary>
public static class PrivateMount
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "extractor.dll");
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary><paramref name="mount"/> is a shell command over "$1" (the folder); exit 97 from it means the mount failed.</summary>
    public static ProcessStartInfo Start(string workingDirectory, string mount, string folder, params string[] args)
    {
        var unshare = new[] { "/usr/bin/unshare", "/bin/unshare" }.FirstOrDefault(File.Exists);
        Assert.True(unshare is not null, "unshare (util-linux) is needed to mount the test folder; install util-linux");
        var psi = new ProcessStartInfo(unshare)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "-rm", "sh", "-c", $"{{ {mount}; }} || exit 97; shift; exec \"$@\"", "sh", folder, Dotnet, Dll }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    public static CliResult Run(string workingDirectory, string mount, string folder, params string[] args)
    {
        using var p = Process.Start(Start(workingDirectory, mount, folder, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(entireProcessTree: true); Assert.Fail($"{string.Join(' ', args)} did not finish"); }
        p.WaitForExit();
        var r = new CliResult(p.ExitCode, stdout.Result, stderr.Result);
        Assert.True(r.ExitCode != 97, "the private mount could not be made: " + r.Stderr);
        return r;
    }
}

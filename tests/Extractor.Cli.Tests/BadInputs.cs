using System.Diagnostics;
using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>Real bad files, built in the test: each with the reasons the CLI may name for it.</summary>
public static class BadInputs
{
    public const string GoodPdf = "sh-putuo-sifaju-2026-budget.pdf";

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>File name → reasons accepted for it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Reasons = new Dictionary<string, string[]>
    {
        ["missing.pdf"] = ["missing"],
        ["empty.pdf"] = ["empty"],
        ["truncated.pdf"] = ["truncated", "damaged"],
        ["error-page.pdf"] = ["not_a_report"], // a web page saved under a PDF name is judged as a page (issue 18 item 16)
        ["image.png"] = ["not_a_pdf", "unsupported_format"],
        ["encrypted.pdf"] = ["encrypted"],
    };

    /// <summary>Writes every bad file but missing.pdf into <paramref name="dir"/> (encrypted.pdf by qpdf, which must be installed).</summary>
    public static void Write(string dir)
    {
        File.WriteAllBytes(Path.Combine(dir, "empty.pdf"), []);
        var good = File.ReadAllBytes(Corpus.Path("dev", GoodPdf));
        File.WriteAllBytes(Path.Combine(dir, "truncated.pdf"), good[..(good.Length / 2)]);
        File.WriteAllText(Path.Combine(dir, "error-page.pdf"),
            "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>nginx</p></body></html>\n");
        File.WriteAllBytes(Path.Combine(dir, "image.png"), Png);
        Qpdf.Encrypt(Corpus.Path("dev", GoodPdf), Path.Combine(dir, "encrypted.pdf"));
    }
}

public static class Qpdf
{
    public static readonly bool Available = Find() is not null;

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(d => Path.Combine(d, "qpdf")).FirstOrDefault(File.Exists);

    public static void Encrypt(string input, string output)
    {
        Assert.True(Available, "qpdf is not installed (apt-get install qpdf; .ci/run installs it): cannot build the encrypted PDF these tests read");
        var psi = new ProcessStartInfo("qpdf") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--encrypt", "user-pw", "owner-pw", "256", "--", input, output }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0 && File.Exists(output), "qpdf --encrypt failed: " + p.StandardError.ReadToEnd());
    }
}

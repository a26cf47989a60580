using System.Diagnostics;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// A small document built by the test: an HTML page printed to PDF by headless Chromium (Debian's /usr/bin/chromium,
/// which .ci/run installs), so its text is set in a real CJK typeface (Noto Serif CJK, a Song face like the forms').
/// </summary>
public static class PrintedPage
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The printed PDF written to a temporary file, deleted when disposed.</summary>
    public static ScanMaker.ScanFile FromHtml(string html)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run installs them)");
        var dir = Directory.CreateTempSubdirectory("extractor-print-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(page, html);
            var pdf = Path.Combine(Path.GetTempPath(), $"printed-{Guid.NewGuid():N}.pdf");
            var psi = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                         $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri })
                psi.ArgumentList.Add(a);
            using (var p = Process.Start(psi)!)
            {
                p.StandardOutput.ReadToEndAsync();
                var error = p.StandardError.ReadToEndAsync();
                if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("chromium did not print the page in 2 minutes"); }
                Assert.True(File.Exists(pdf), $"chromium printed no PDF: {error.Result}");
            }
            return new ScanMaker.ScanFile(pdf);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

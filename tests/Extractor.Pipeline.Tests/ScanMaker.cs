using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// Makes an image-only copy of chosen pages of a text PDF (pdftoppm → PNG → PDF), the way a scanner
/// would: no text layer, no vector rulings, so every value has to come through OCR.
/// </summary>
public static class ScanMaker
{
    /// <summary>The image-only copy written to a temporary file, deleted when disposed.</summary>
    public static ScanFile ScanToFile(string pdf, IReadOnlyList<int> pages, int dpi = 200)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, Scan(pdf, pages, dpi));
        return new ScanFile(path);
    }

    public sealed record ScanFile(string Path) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }

    public static byte[] Scan(string pdf, IReadOnlyList<int> pages, int dpi = 200)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-scan-");
        try
        {
            using var source = PdfDocument.Open(pdf);
            var builder = new PdfDocumentBuilder();
            foreach (var n in pages)
            {
                var stem = Path.Combine(dir.FullName, $"p{n}");
                var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
                foreach (var a in new[] { "-png", "-r", dpi.ToString(), "-f", n.ToString(), "-l", n.ToString(), "-singlefile", pdf, stem })
                    psi.ArgumentList.Add(a);
                using (var p = Process.Start(psi)!) { p.WaitForExit(60_000); if (p.ExitCode != 0) throw new InvalidOperationException("pdftoppm failed"); }
                var page = source.GetPage(n);
                var target = builder.AddPage(page.Width, page.Height);
                target.AddPng(File.ReadAllBytes(stem + ".png"), new PdfRectangle(0, 0, page.Width, page.Height));
            }
            return builder.Build();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

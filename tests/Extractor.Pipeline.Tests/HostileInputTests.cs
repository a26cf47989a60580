using System.Diagnostics;
using Extractor.Core.Pipeline;
using Extractor.TestSupport;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Extractor.Pipeline.Tests;

/// <summary>Broken and hostile PDFs end within the limits with a clear status; none hangs or crashes the process.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("extractor-hostile-");
    private static readonly ReportExtractor Extractor = new(new ExtractionSettings { PerDocumentTimeout = TimeSpan.FromSeconds(60) });

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void DamagedCrossReferenceTableIsRecovered()
    {
        var bytes = File.ReadAllBytes(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf"));
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        Assert.True(at > 0);
        // Point startxref at a wrong offset: the reader must rebuild the xref by scanning objects.
        var digits = at + "startxref".Length;
        while (!char.IsAsciiDigit(text[digits])) digits++;
        for (var i = digits; char.IsAsciiDigit(text[i]); i++) bytes[i] = (byte)'1';
        var report = Extractor.Extract(Write("damaged-xref.pdf", bytes));
        Assert.Equal(24, report.Document.Pages);
        Assert.Equal("final_account", report.Document.Kind);
    }

    [Fact]
    public void TooManyPagesIsRefusedQuickly()
    {
        var source = Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf");
        var output = Path.Combine(_dir.FullName, "long.pdf");
        // 1,008 pages: qpdf is installed by .ci/run.
        var psi = new ProcessStartInfo("qpdf") { RedirectStandardError = true };
        foreach (var a in new[] { "--empty", "--pages" }) psi.ArgumentList.Add(a);
        for (var i = 0; i < 42; i++) psi.ArgumentList.Add(source);
        psi.ArgumentList.Add("--");
        psi.ArgumentList.Add(output);
        using (var qpdf = Process.Start(psi)!) { qpdf.WaitForExit(60_000); Assert.Equal(0, qpdf.ExitCode); }

        var limited = new ReportExtractor(new ExtractionSettings { MaxPages = 1000 });
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<ExtractionException>(() => limited.Extract(output));
        Assert.Equal("too_many_pages", e.Reason);
        Assert.Contains("1008", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void PageWithHundredThousandPathSegmentsEndsInBoundedTime()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        var random = new Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var x = random.NextDouble() * 595;
            var y = random.NextDouble() * 842;
            if (i % 2 == 0) page.DrawLine(new PdfPoint(x, y), new PdfPoint(x + 40, y), 0.5);
            else page.DrawLine(new PdfPoint(x, y), new PdfPoint(x, y + 40), 0.5);
        }
        var path = Write("segments.pdf", builder.Build());
        var watch = Stopwatch.StartNew();
        var report = Extractor.Extract(path);
        Assert.Equal(1, report.Document.Pages);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MutatedPdfsNeverCrashAndEndInBoundedTime()
    {
        // Fixed seed: the same 150 mutants every run, so a failure reproduces.
        var original = File.ReadAllBytes(Corpus.Path("peer", "tabula", "twotables.pdf"));
        var random = new Random(20261201);
        var watch = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>();
        var internalText = new List<string>();
        for (var n = 0; n < 150; n++)
        {
            var bytes = (byte[])original.Clone();
            switch (n % 3)
            {
                case 0: // flip bytes
                    for (var k = 0; k < 1 + random.Next(20); k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 1: // truncate
                    bytes = bytes[..random.Next(16, bytes.Length)];
                    break;
                default: // splice a chunk from elsewhere
                    var from = random.Next(bytes.Length - 200);
                    var to = random.Next(bytes.Length - 200);
                    Array.Copy(original, from, bytes, to, random.Next(1, 200));
                    break;
            }
            var path = Write($"mutant-{n}.pdf", bytes);
            string outcome;
            try
            {
                var report = Extractor.Extract(path);
                outcome = report.IsPartial ? "partial" : "ok";
                internalText.AddRange(report.Warnings.Concat(report.StageFailures?.Select(f => f.Reason) ?? []).Where(InternalText));
            }
            catch (ExtractionException e)
            {
                outcome = e.Reason;
                if (InternalText(e.Message)) internalText.Add($"{outcome}: {e.Message}");
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"took {watch.Elapsed}");
        Assert.True(outcomes.GetValueOrDefault("ok") > 0, string.Join(", ", outcomes));
        // Issue 18, item 12: what a user reads says what is wrong, not the parser's internals ("Value cannot be null.
        // (Parameter 'key')", "Unable to cast … OperatorToken"); those go to the error log.
        Assert.True(internalText.Count == 0, string.Join("\n", internalText.Distinct().Take(10)));
    }

    /// <summary>Text of a .NET exception, not a reason: parameter names, casts, null references, exception type names.</summary>
    private static bool InternalText(string message) =>
        new[] { "(Parameter '", "Unable to cast", "Object reference", "Exception", "Index was outside", "was not present in the dictionary", "Specified argument" }
            .Any(message.Contains);
}

using System.Diagnostics;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Ocr;
using Extractor.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// Issue 18, items 9, 10 and 11: scans when no OCR tool is installed, the time a long scan is given, and stages that
/// break. The OCR tools' absence is simulated by the lookup path (<see cref="ExtractionSettings.ToolPath"/>).
/// </summary>
public sealed class ScanLimitsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("extractor-scan-limits-");
    private string NoTools => Directory.CreateDirectory(Path.Combine(_dir.FullName, "empty-bin")).FullName;

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>
    /// Item 9: with tesseract absent, extract on a scanned PDF returned an empty report with no warning (or ran to its
    /// timeout inside ingest) and ingest stored it as ok. It fails at once as ocr_unavailable, naming the install line.
    /// </summary>
    [Fact]
    public void A_scan_without_OCR_tools_fails_fast_as_ocr_unavailable()
    {
        var scan = Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf");
        var extractor = new ReportExtractor(new ExtractionSettings { ToolPath = NoTools });
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ExtractionException>(() => extractor.Extract(scan));
        Assert.Equal("ocr_unavailable", e.Reason);
        Assert.Contains("apt-get install", e.Message);
        Assert.Contains("poppler-utils", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    /// <summary>Item 9: a text report with one scanned page among them is read, and partial, naming the page left unread.</summary>
    [Fact]
    public void A_text_report_with_a_scanned_page_is_partial_without_OCR_tools()
    {
        Assert.True(TesseractPageOcr.Available, "pdftoppm (poppler-utils) is needed to make the scanned page (see .ci/run)");
        var text = Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf");
        var scanPage = Path.Combine(_dir.FullName, "scan.pdf");
        File.WriteAllBytes(scanPage, ScanMaker.Scan(text, [2]));
        var mixed = Path.Combine(_dir.FullName, "mixed.pdf");
        var psi = new ProcessStartInfo("qpdf") { RedirectStandardError = true };
        foreach (var a in new[] { "--empty", "--pages", text, "1-3", scanPage, "1", "--", mixed }) psi.ArgumentList.Add(a);
        using (var qpdf = Process.Start(psi)!) { qpdf.WaitForExit(60_000); Assert.True(qpdf.ExitCode == 0, "qpdf (see .ci/run): " + qpdf.StandardError.ReadToEnd()); }

        var report = new ReportExtractor(new ExtractionSettings { ToolPath = NoTools }).Extract(mixed);
        Assert.True(report.IsPartial);
        var failure = Assert.Single(report.StageFailures!);
        Assert.Equal(("ocr", "ocr_unavailable"), (failure.Stage, failure.Code));
        Assert.Contains("(4)", failure.Reason);
        Assert.Equal("budget", report.Document.Kind); // the text pages are read
    }

    /// <summary>
    /// Item 11: a stage that throws used to leave the document "ok" with a warning holding the exception's text. The
    /// report is partial, names the stage, says what it is in words, and the exception goes to the error log.
    /// </summary>
    [Fact]
    public void A_stage_that_breaks_makes_the_report_partial()
    {
        Extractor.Core.ErrorLog.Path = Path.Combine(_dir.FullName, "errors.log");
        var stages = PipelineStages.Default() with { Facts = new BrokenFacts() };
        var report = new ReportExtractor(new ExtractionSettings(), stages).Extract(Corpus.Path("seeds", "003_5cba4ecd56cdf973.txt"));
        Assert.True(report.IsPartial);
        var failure = Assert.Single(report.StageFailures!);
        Assert.Equal("facts", failure.Stage);
        Assert.DoesNotContain("Parameter", failure.Reason);
        Assert.Contains("internal error in the facts stage", failure.Reason);
        Assert.NotEmpty(report.Tables); // the other stages' work is kept
        Assert.Contains("Value cannot be null. (Parameter 'key')", File.ReadAllText(Extractor.Core.ErrorLog.Path));
        Assert.Contains("\"stage_failures\"", ReportJson.Serialize(report));
    }

    private sealed class BrokenFacts : IFactExtractor
    {
        public IReadOnlyList<Fact> Extract(Extractor.Core.Layout.DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
            IReadOnlyList<Section> sections, List<string> warnings) => throw new ArgumentNullException("key");
    }

    /// <summary>Item 10: the allowance per page follows the engine's cost (PP-OCR about twice Tesseract's), unless set.</summary>
    [Fact]
    public void The_time_allowed_a_page_to_OCR_follows_the_engine()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new ExtractionSettings().OcrTimePerPage); // PP-OCR, the default
        Assert.Equal(TimeSpan.FromSeconds(15), new ExtractionSettings { Ocr = Extractor.Ocr.OcrEngine.Tesseract }.OcrTimePerPage);
        Assert.Equal(TimeSpan.FromSeconds(5), new ExtractionSettings { OcrTimePerPage = TimeSpan.FromSeconds(5) }.OcrTimePerPage);
    }

    /// <summary>Item 10: a reader that finds pages to OCR extends the document's limit; the wait outside follows it.</summary>
    [Fact]
    public void A_deadline_extended_for_pages_to_OCR_does_not_run_out_at_the_first_limit()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new Deadline(TimeSpan.FromSeconds(120), clock: clock);
        deadline.Extend(TimeSpan.FromSeconds(30)); // two pages to OCR at 15 s
        clock.Advance(TimeSpan.FromSeconds(140));
        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromSeconds(150), deadline.Granted);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.True(deadline.Expired);

        // A whole-document limit does not restart on progress; one that restarts on progress does not run out while
        // steps come, however long the whole takes, and does when they stop.
        using var plain = new Deadline(TimeSpan.FromSeconds(120), clock: clock);
        using var single = new Deadline(TimeSpan.FromSeconds(120), restartOnProgress: true, clock: clock);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(100));
            plain.Progress();
            single.Progress();
        }
        Assert.True(plain.Expired);
        Assert.False(single.Token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.True(single.Expired);
    }

    /// <summary>The outer token (Ctrl+C, a batch stopping) still cancels a deadline; that is not the limit passing.</summary>
    [Fact]
    public void An_outer_cancellation_cancels_the_deadline_without_expiring_it()
    {
        using var outer = new CancellationTokenSource();
        using var deadline = new Deadline(TimeSpan.FromSeconds(120), outer.Token, clock: new FakeTimeProvider());
        outer.Cancel();
        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.Expired);
    }
}

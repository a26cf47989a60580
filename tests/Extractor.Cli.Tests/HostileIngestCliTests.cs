using Extractor.TestSupport;

namespace Extractor.Cli.Tests;

/// <summary>Issue 18: what `extract` and `ingest` tell the user when OCR tools are missing and when the disk fills up.</summary>
public class HostileIngestCliTests
{
    /// <summary>
    /// Item 9: with tesseract absent (PATH without it), a scan used to give an empty report with no warning and be
    /// stored as ok. extract fails at once naming the install line; ingest stores it as failed ocr_unavailable and its
    /// summary counts it and says what to install.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")] // the rerun OCRs the six-page scan
    public void A_scan_without_OCR_tools_fails_as_ocr_unavailable_and_the_summary_counts_it()
    {
        using var tmp = new TempDir();
        File.Copy(Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf"), tmp.File("scan.pdf"));
        var noTools = new Dictionary<string, string> { ["PATH"] = Directory.CreateDirectory(tmp.File("empty-bin")).FullName };

        // The default engine (PP-OCR, models bundled) needs the page renderer; Tesseract needs its own tools too.
        var extract = Cli.RunWith(noTools, tmp.Path, "extract", "scan.pdf");
        Assert.Equal(2, extract.ExitCode);
        var line = Assert.Single(extract.StderrLines);
        Assert.StartsWith("scan.pdf: ocr_unavailable: ", line);
        Assert.Contains("apt-get install poppler-utils", line);
        var tesseract = Cli.RunWith(noTools, tmp.Path, "extract", "scan.pdf", "--ocr", "tesseract");
        Assert.Equal(2, tesseract.ExitCode);
        Assert.Contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils", Assert.Single(tesseract.StderrLines));

        var ingest = Cli.RunWith(noTools, tmp.Path, "ingest", "scan.pdf", "--db", "s.db", "--ocr", "tesseract");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        Assert.Contains(ingest.StdoutLines, l => l.Contains("failed") && l.Contains("ocr_unavailable 1"));
        Assert.Contains(ingest.StdoutLines, l => l.Contains("scans need OCR") && l.Contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim"));

        // Installed again (the normal PATH), a plain rerun reads it: the failure was the run's, not the document's.
        Assert.True(Extractor.Ocr.TesseractPageOcr.Available, "pdftoppm and tesseract must be installed (see .ci/run)");
        // A generous limit: what is tested is the retry, not how fast a loaded machine reads six pages.
        var rerun = Cli.Run(tmp.Path, "ingest", "scan.pdf", "--db", "s.db", "--ocr", "tesseract", "--timeout-s", "3600");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(rerun.Stdout, @"ok\s+1\b"), rerun.Stdout + rerun.Stderr);
    }

    /// <summary>
    /// Item 12: the disk fills while ingest stores a document. It used to end on an exception's text with no summary;
    /// now it names the document being stored, says what to do, prints the summary and exits 1, and what was stored
    /// before stays readable. The disk is a 700 KB tmpfs mounted for the run alone.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void A_full_disk_names_the_document_being_stored_and_prints_the_summary()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("in"));
        foreach (var pdf in Directory.GetFiles(Corpus.Path("dev"), "*.pdf")) File.Copy(pdf, Path.Combine(tmp.File("in"), Path.GetFileName(pdf)));
        var disk = Directory.CreateDirectory(tmp.File("disk")).FullName;

        var r = PrivateMount.Run(tmp.Path, "mount -t tmpfs -o size=700k tmpfs \"$1\"", disk, "ingest", "in", "--db", "disk/store.db", "--workers", "1");
        Assert.Equal(1, r.ExitCode);
        var full = Assert.Single(r.StderrLines, l => l.StartsWith("disk/store.db: disk full while storing in/"));
        Assert.Contains("free some space, then run the same command again to resume", full);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.Contains(r.StdoutLines, l => l.StartsWith("ingest: 6 files"));
        Assert.Contains(r.StdoutLines, l => l.TrimStart().StartsWith("ok "));
    }
}

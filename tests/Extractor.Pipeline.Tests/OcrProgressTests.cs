using Extractor.Core.Pipeline;
using Extractor.Ocr;
using Extractor.Pdf.Reading;
using Extractor.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// Issue 18, item 10 under load: a single-document command restarts its limit at each step, but one PP-OCR page on a
/// loaded machine can take longer than the whole limit. PP-OCR tells its steps within a page (rendering, each text
/// detection, the angle classification, each batch of lines), so a page that is slow but moving is not stopped.
/// Time here is a fake clock the test moves by one step's worth each time the engine finishes a step: no assertion
/// depends on how fast the machine is.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OcrProgressTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(40), PauseLimit = TimeSpan.FromSeconds(60);

    private static (string Path, Core.Layout.PageContent Page) ScanPage()
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var path = Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf");
        return (path, new PdfDocumentReader().Read(path).Pages[0]);
    }

    [Fact]
    public void A_PP_OCR_page_longer_than_the_pause_limit_is_read_when_each_of_its_steps_is_shorter()
    {
        var (path, page) = ScanPage();
        var clock = new FakeTimeProvider();
        using var deadline = new Deadline(PauseLimit, restartOnProgress: true, clock: clock);
        var steps = 0;
        var read = new PpOcrPageReader().Recognize(path, page, TimeSpan.FromMinutes(10), deadline.Token, () =>
        {
            steps++;
            clock.Advance(Step); // the step took 40 s (of the fake clock)
            deadline.Progress();
        });

        // Rendering, detection, the page's turn, the lines' classification, at least one batch of lines.
        Assert.True(steps >= 5, $"{steps} steps");
        Assert.True(Step * steps > PauseLimit); // the page took longer than the pause limit
        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.Contains(read.Lines, l => l.Text.Contains("项目基本情况"));
    }

    /// <summary>The same page when only the page's end counted (as Tesseract's pages do): the deadline stops it mid-page.</summary>
    [Fact]
    public void The_same_page_with_progress_only_at_its_end_is_stopped_mid_page_by_the_deadline()
    {
        var (path, page) = ScanPage();
        var clock = new FakeTimeProvider();
        using var deadline = new Deadline(PauseLimit, restartOnProgress: true, clock: clock);
        var steps = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => new PpOcrPageReader().Recognize(path, page, TimeSpan.FromMinutes(10), deadline.Token, () =>
        {
            steps++;
            clock.Advance(Step); // time passes, but nobody tells the deadline
        }));
        Assert.True(deadline.Expired);
        Assert.Equal(2, steps); // the second step passed the limit; the engine stopped before a third
    }
}

using Extractor.TestSupport;

namespace Extractor.Jobs.Tests;

/// <summary>Scans go to a queue of their own, so hours of OCR never hold up text documents.</summary>
public class QueueRoutingTests
{
    [Fact]
    public void A_scan_goes_to_the_ocr_queue_and_everything_else_to_extract()
    {
        Assert.Equal(JobQueues.Ocr, JobClient.QueueFor(Corpus.Path("scanned", "hn-changsha-scjgj-2022-perfeval-scan.pdf")));
        foreach (var pdf in Directory.GetFiles(Corpus.Path("dev"), "*.pdf"))
            Assert.Equal(JobQueues.Extract, JobClient.QueueFor(pdf));
        Assert.Equal(JobQueues.Extract, JobClient.QueueFor(Directory.GetFiles(Corpus.Path("seeds"))[0]));
        Assert.Equal(JobQueues.Extract, JobClient.QueueFor(Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html")));
    }

    [Fact]
    public void A_killed_workers_job_is_first_in_line_again_within_the_documented_bound()
    {
        var t = new JobTimeouts();
        // Hangfire's own defaults are 30 minutes (invisibility) and 10 minutes (locks); ours keep recovery under a minute.
        Assert.Equal(TimeSpan.FromSeconds(30), t.Recover);
        Assert.Equal(TimeSpan.FromSeconds(30), t.Lock);
        Assert.True(t.RecoveryBound <= TimeSpan.FromMinutes(1), t.RecoveryBound.ToString());
    }
}

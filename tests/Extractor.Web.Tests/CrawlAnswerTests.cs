using System.Net;
using System.Net.Sockets;
using Extractor.Crawler;
using Extractor.Pipeline;
using Extractor.Store;

namespace Extractor.Web.Tests;

/// <summary>What a crawl says about a site that does not answer: unreachable (not disallowed), each failed URL listed.</summary>
public class CrawlAnswerTests
{
    [Fact]
    public async Task A_site_that_refuses_connections_is_unreachable_and_listed_with_its_reason()
    {
        // A port nothing listens on: every connection is refused at once.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var dir = Directory.CreateTempSubdirectory("crawl-answer").FullName;
        try
        {
            using var store = ExtractorStore.Open(Path.Combine(dir, "s.db"));
            using var crawler = new SiteCrawler(store, (p, ct) => new ReportExtractor().Extract(p, ct), new CrawlOptions
            {
                Delay = TimeSpan.Zero,
                Http = new HttpSettings { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) },
            });
            var seed = $"http://127.0.0.1:{port}/zwgk/";
            var summary = await crawler.CrawlAsync([seed]);
            Assert.Equal((1, 0, 0), (summary.Unreachable, summary.Disallowed, summary.Stored));
            var (url, reason) = Assert.Single(summary.Failures);
            Assert.Equal(seed, url);
            Assert.StartsWith("unreachable: ", reason);
        }
        finally { Directory.Delete(dir, true); }
    }
}

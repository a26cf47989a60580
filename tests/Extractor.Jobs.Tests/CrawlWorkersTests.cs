using System.Diagnostics;
using Dapper;
using Extractor.Store;
using Extractor.TestSupport;
using Hangfire;
using Npgsql;
using Xunit.Abstractions;

namespace Extractor.Jobs.Tests;

/// <summary>
/// Three portals on loopback crawled by three worker processes, with extra slice jobs per site competing for its
/// lease: no two requests to one site overlap, each starts at least the delay after the previous one ended; the worker
/// holding one site's lease is killed mid-crawl and the site still finishes; no URL is fetched twice except the one the
/// killed worker had in flight; every PDF becomes one extract job.
/// </summary>
public sealed class CrawlWorkersTests(ITestOutputHelper output) : IDisposable
{
    private const int Sites = 3;
    private const int DelayMs = 150;
    private const int Recover = 6;
    private readonly TempDir _dir = new();
    private readonly LoggingPortal _portal = new(Sites);
    private readonly List<ExtractorProcess> _workers = [];

    private ExtractorProcess Worker(string db)
    {
        var w = ExtractorProcess.Start(_dir.Path, "worker", "--db", db, "--queues", "crawl", "--crawl-workers", "2",
            "--recover-s", Recover.ToString(System.Globalization.CultureInfo.InvariantCulture), "--files", _dir.File("files"));
        _workers.Add(w);
        return w;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Three_workers_crawl_politely_and_a_killed_lease_holder_loses_only_its_slice()
    {
        var db = PostgresServer.Instance.NewDatabase("crawl");
        var seeds = _portal.Ports.Select(p => _portal.Base(p) + "/").ToArray();
        var enqueued = Cli.Run(_dir.Path, ["enqueue", .. seeds, "--db", db, "--delay-ms", DelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(enqueued.Code == 0, enqueued.Stderr);
        // Two more slice chains per site, competing with the first for its lease.
        var client = new BackgroundJobClient(JobSetup.Storage(StoreLocation.Parse(db)));
        foreach (var seed in seeds)
            for (var i = 0; i < 2; i++)
                client.Enqueue<CrawlJobs>(JobQueues.Crawl, j => j.Slice(seed.TrimEnd('/'), null, CancellationToken.None));

        var workers = new[] { Worker(db), Worker(db), Worker(db) };
        using var watch = new NpgsqlConnection(db);
        watch.Open();

        // Once the first site is well under way, kill the worker holding its lease. A worker runs two slices at once, so
        // it may hold a second site's lease too: every site it held when it died may see its in-flight URL again.
        var victimSite = _portal.Base(_portal.Ports[0]);
        ExtractorProcess? victim = null;
        var heldByVictim = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> HeldBy(ExtractorProcess w) => watch.Query<string>(
            "SELECT site FROM crawl_sites WHERE lease_holder LIKE @prefix", new { prefix = $"{Environment.MachineName}/{w.Id}/%" });
        var clock = Stopwatch.StartNew();
        while (victim is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the first site was never seen leased mid-crawl");
            var requests = _portal.Log.Count(r => r.Port == _portal.Ports[0]);
            var holder = watch.ExecuteScalar<string?>("SELECT lease_holder FROM crawl_sites WHERE site = @victimSite AND lease_until > now()", new { victimSite });
            if (requests >= 8 && holder is not null)
            {
                victim = workers.FirstOrDefault(w => holder.StartsWith($"{Environment.MachineName}/{w.Id}/", StringComparison.Ordinal));
                if (victim is not null)
                {
                    heldByVictim.UnionWith(HeldBy(victim));
                    victim.KillHard();
                    heldByVictim.UnionWith(HeldBy(victim)); // a lease taken between the look and the kill
                }
            }
            if (victim is null) Thread.Sleep(10);
        }
        output.WriteLine($"killed worker {victim.Id}, holding {string.Join(", ", heldByVictim)}, after {_portal.Log.Count(r => r.Port == _portal.Ports[0])} requests to {victimSite}");
        Assert.Contains(victimSite, heldByVictim);
        Worker(db);

        // Every site finishes.
        while (watch.ExecuteScalar<long>("SELECT count(*) FROM crawl_sites WHERE finished_at IS NOT NULL") < Sites)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(8), "the crawls did not finish; workers said:\n" +
                string.Join('\n', _workers.SelectMany(w => w.Output).TakeLast(40)));
            Thread.Sleep(250);
        }
        foreach (var w in _workers.Where(w => !w.HasExited)) w.Stop();
        foreach (var w in _workers) Assert.True(w.WaitForExit(TimeSpan.FromMinutes(2)), "a worker did not stop on SIGTERM");
        foreach (var line in _workers.SelectMany(w => w.Output).Where(l => l.Contains("crawl slice") || l.Contains("stderr") || l.Contains("head of")))
            output.WriteLine(line);

        var log = _portal.Log.ToList();
        foreach (var port in _portal.Ports)
        {
            var site = log.Where(r => r.Port == port).OrderBy(r => r.Start).ToList();
            Assert.Equal(LoggingPortal.PagesPerSite + 1, site.Select(r => r.Path).Distinct().Count()); // every page, and robots.txt
            for (var i = 1; i < site.Count; i++)
            {
                var gap = Stopwatch.GetElapsedTime(site[i - 1].End, site[i].Start);
                Assert.True(site[i].Start >= site[i - 1].End, $"{port}: {site[i - 1].Path} and {site[i].Path} overlap");
                // The delay counts from the end of a request as the crawler saw it, after the portal finished it.
                Assert.True(gap >= TimeSpan.FromMilliseconds(DelayMs - 15), $"{port}: {site[i].Path} only {gap.TotalMilliseconds:0} ms after {site[i - 1].Path}");
            }
            Assert.DoesNotContain(site, r => r.Path.StartsWith("/private/"));
            var twice = site.GroupBy(r => r.Path).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            output.WriteLine($"{port}: {site.Count} requests, fetched twice: {string.Join(", ", twice)}");
            // Only the URL the killed worker had in flight on a site it held may be fetched again (its retry).
            Assert.True(heldByVictim.Contains(_portal.Base(port)) ? twice.Count <= 1 : twice.Count == 0, $"{port}: fetched twice: {string.Join(", ", twice)}");
        }

        // Every PDF went to the shared folder once and became one extract job.
        Assert.Equal(Sites * LoggingPortal.Lists * LoggingPortal.DetailsPerList, Directory.GetFiles(_dir.File("files"), "*.pdf", SearchOption.AllDirectories).Length);
        var monitor = JobSetup.Storage(StoreLocation.Parse(db)).GetMonitoringApi();
        Assert.Equal(Sites * LoggingPortal.Lists * LoggingPortal.DetailsPerList, monitor.EnqueuedCount(JobQueues.Extract));
        Assert.Equal(0, watch.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE state = 'pending'"));
        Assert.Equal(Sites * LoggingPortal.Lists * LoggingPortal.DetailsPerList,
            watch.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE outcome = 'queued'"));
    }

    public void Dispose()
    {
        foreach (var w in _workers) w.Dispose();
        _portal.Dispose();
        _dir.Dispose();
    }
}

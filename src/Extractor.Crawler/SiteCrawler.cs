using System.Diagnostics;
using Extractor.Core;
using Extractor.Core.Report;
using Extractor.Store;
using Extractor.Store.Crawl;

namespace Extractor.Crawler;

public sealed record CrawlOptions
{
    /// <summary>URL fetches in this run (robots.txt not counted); what is left stays pending for the next run. A crawl
    /// run as slices (<see cref="SiteCrawler.CrawlSliceAsync"/>) counts from the crawl's start instead.</summary>
    public int MaxPages { get; init; } = 1000;
    /// <summary>Links followed from the seed (pagination does not count; an attachment is taken one level beyond).</summary>
    public int MaxDepth { get; init; } = 5;
    /// <summary>Pause between two requests to the same host, from the end of one to the start of the next, whichever
    /// worker sends them (robots.txt Crawl-delay when longer).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);
    public HttpSettings Http { get; init; } = new();
    /// <summary>Per-document extraction limit.</summary>
    public TimeSpan DocumentTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public string ExtractorVersion { get; init; } = ExtractorInfo.Version;
    /// <summary>Where downloads wait to be extracted (deleted after); the system temp folder by default.</summary>
    public string? TempDirectory { get; init; }
    /// <summary>
    /// A folder that keeps every downloaded disclosure under its sha256 (<see cref="KeptFiles"/>), so that `serve`
    /// opens a crawled document as it opens a local one; null keeps nothing (downloads are deleted after extraction).
    /// </summary>
    public string? KeepDirectory { get; init; }
    /// <summary>Who holds a site's lease: this machine and process (a job worker adds the job id).</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}";
    /// <summary>How long a site's lease lasts unless renewed; renewed a third of the way through while its holder lives,
    /// so a holder that dies frees the site this long after its last renewal.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Totals of one crawl run (or slice).</summary>
public sealed record CrawlSummary
{
    public int Fetched { get; set; }
    public int Stored { get; set; }
    public int StoredFailed { get; set; }
    public int Duplicates { get; set; }
    public int Queued { get; set; }
    public int NotModified { get; set; }
    public int Disallowed { get; set; }
    /// <summary>URLs whose site did not answer at all (connection refused, DNS failure, timeout before any response).</summary>
    public int Unreachable { get; set; }
    public int Errors { get; set; }
    /// <summary>Every URL that failed in this run, with its reason, in the order they failed.</summary>
    public List<(string Url, string Reason)> Failures { get; } = [];
    public int Pages { get; set; }
    public long Pending { get; set; }
    /// <summary>Sites left alone because another worker holds them.</summary>
    public int Busy { get; set; }
    public TimeSpan Elapsed { get; set; }
}

/// <summary>What one slice of a site's crawl did: its totals, and whether the crawl is finished or out of page budget.</summary>
public sealed record SliceResult(CrawlSummary Summary, bool Finished, bool BudgetSpent, string? BusyWith = null)
{
    public bool Busy => BusyWith is not null;
}

/// <summary>One event of a crawl, for progress output.</summary>
public sealed record CrawlEvent(string Url, string Outcome, string? Detail = null);

/// <summary>
/// Crawls government portals for budget disclosures: from each seed it stays on the seed's site (scheme, host and
/// port), obeys robots.txt, waits <see cref="CrawlOptions.Delay"/> between requests to a site (one request at a time),
/// retries 5xx/timeouts with back-off (<see cref="CrawlHttp"/>), follows redirects on the site, and walks list pages,
/// pagination and detail pages. Attachments (pdf, doc(x), xls(x), wps, zip — by Content-Type, Content-Disposition or
/// extension) linked from a disclosure page or by a link naming one, and pages that are disclosures themselves (title
/// with 决算/预算/三公/绩效, substantial content), go to the <see cref="IDisclosureSink"/> with their URL, found_on page
/// and link text; each content (sha256) is stored once.
/// <para>Everything lives in the store, read and written through <see cref="CrawlFrontier"/>: the frontier (a killed
/// crawl resumes; a re-crawl of a finished site uses conditional GET), robots.txt as fetched at the crawl's start, and
/// each site's lease and the time of its last request. Only the lease holder sends a site requests, so any number of
/// crawlers, on any number of machines sharing the store, send a site one request at a time, the delay apart.</para>
/// </summary>
public sealed partial class SiteCrawler : IDisposable
{
    private readonly ExtractorStore _store;
    private readonly IDisclosureSink _sink;
    private readonly CrawlOptions _options;
    private readonly CrawlFrontier _frontier;
    private readonly HttpClient _http;
    private readonly Dictionary<string, SiteState> _sites = new(StringComparer.Ordinal);
    private const int MaxRedirects = 5;
    private string? _detail; // what the last disclosure's sink said, for the progress event of the URL being settled

    public SiteCrawler(ExtractorStore store, Func<string, CancellationToken, Report> extract, CrawlOptions options)
        : this(store, new ExtractingSink(store, extract, options), options) { }

    public SiteCrawler(ExtractorStore store, IDisclosureSink sink, CrawlOptions options)
    {
        _store = store;
        _sink = sink;
        _options = options;
        _frontier = new CrawlFrontier(store);
        _http = CrawlHttp.CreateClient(options.Http, followRedirects: false);
    }

    public event Action<CrawlEvent>? Progress;

    /// <summary>Groups seed URLs by site (scheme, host, port), in order; a seed that is not an http(s) URL is refused.</summary>
    public static List<(string Site, List<Uri> Seeds)> BySite(IEnumerable<string> seeds)
    {
        var bySite = new List<(string Site, List<Uri> Seeds)>();
        foreach (var s in seeds)
        {
            var url = CrawlUrls.Normalize(s) ?? throw new ArgumentException($"{s}: not an http(s) URL");
            var site = CrawlUrls.Site(url);
            var group = bySite.FirstOrDefault(g => g.Site == site);
            if (group.Site is null) bySite.Add(group = (site, []));
            group.Seeds.Add(url);
        }
        return bySite;
    }

    /// <summary>Starts (or resumes, or re-crawls) a site's crawl with its seeds and options, as <see cref="CrawlAsync"/> does
    /// before its first request; a job queue then runs it as slices.</summary>
    public static void Begin(CrawlFrontier frontier, string site, IReadOnlyList<Uri> seeds, CrawlSettings settings)
    {
        frontier.Begin(site, seeds.Select(u => u.ToString()), settings);
        foreach (var seed in seeds)
            if (!frontier.Add(seed, site, 0, 10, "seed", Attachments.DisclosureWords().IsMatch(Uri.UnescapeDataString(seed.AbsolutePath)), null, null))
                frontier.Promote(seed, 10, false);
    }

    private CrawlSettings Settings => new(_options.MaxPages, _options.MaxDepth, (int)_options.Delay.TotalMilliseconds);

    /// <summary>Crawls every seed's site in this process, the sites taking turns one URL each, up to
    /// <see cref="CrawlOptions.MaxPages"/> fetches. A site another crawler holds is left alone (counted as busy).</summary>
    public async Task<CrawlSummary> CrawlAsync(IEnumerable<string> seeds, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new CrawlSummary();
        var bySite = BySite(seeds);
        foreach (var (site, siteSeeds) in bySite) Begin(_frontier, site, siteSeeds, Settings);

        var active = new List<SiteState>();
        foreach (var (site, _) in bySite)
        {
            if (Acquire(site, job: null, token: null) is { } state) active.Add(state);
            else
            {
                summary.Busy++;
                Progress?.Invoke(new CrawlEvent(site, "busy", $"being crawled by {_frontier.LeaseHolder(site)?.Holder ?? "another worker"}"));
            }
        }
        try
        {
            // Sites take turns, one URL each, so one slow site does not starve the others.
            while (active.Count > 0 && summary.Fetched < _options.MaxPages)
            {
                foreach (var state in active.ToList())
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (summary.Fetched >= _options.MaxPages) break;
                    var next = _frontier.Next(state.Site);
                    if (next is null || !await VisitUnderLeaseAsync(state, next, summary, cancellation))
                    {
                        _frontier.Finish(state.Site);
                        active.Remove(state);
                        Release(state);
                    }
                }
            }
        }
        finally
        {
            foreach (var state in active) Release(state);
        }
        foreach (var (site, _) in bySite)
        {
            _frontier.Finish(site);
            summary.Pending += _frontier.Pending(site);
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>
    /// One slice of a site's crawl begun with <see cref="Begin"/>: takes the site's lease, fetches up to
    /// <paramref name="maxUrls"/> URLs or for <paramref name="maxTime"/>, within the crawl's page budget, then lets the
    /// lease go. When another worker holds the site, nothing is fetched (<see cref="SliceResult.Busy"/>). A slice run
    /// again under the same <paramref name="job"/> (its first run's worker died) waits out the dead run's lease.
    /// </summary>
    public async Task<SliceResult> CrawlSliceAsync(string site, int maxUrls, TimeSpan maxTime, string? job, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new CrawlSummary();
        var record = _frontier.Site(site) ?? throw new ArgumentException($"{site}: no crawl of this site was begun");
        var settings = record.CrawlSettings ?? Settings;
        var state = Acquire(site, job, token: null, settings);
        if (state is null && job is not null && _frontier.LeaseHolder(site) is { } held && held.Job == job)
        {
            // This job's earlier run died holding the lease: wait until it lapses rather than leave the site to nobody.
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, held.SecondsLeft) + 0.5), cancellation);
            state = Acquire(site, job, token: null, settings);
        }
        if (state is null)
            return new SliceResult(summary, false, false, _frontier.LeaseHolder(site)?.Holder ?? "another worker");
        var budgetSpent = false;
        try
        {
            while (summary.Fetched < maxUrls && clock.Elapsed < maxTime)
            {
                cancellation.ThrowIfCancellationRequested();
                if ((_frontier.Site(site)?.Fetched ?? 0) >= settings.MaxPages) { budgetSpent = true; break; }
                var next = _frontier.Next(site);
                if (next is null || !await VisitUnderLeaseAsync(state, next, summary, cancellation)) break;
            }
        }
        finally
        {
            Release(state);
        }
        var finished = _frontier.Finish(site);
        summary.Pending = _frontier.Pending(site);
        summary.Elapsed = clock.Elapsed;
        return new SliceResult(summary, finished, budgetSpent && !finished);
    }

    /// <summary>Visits one URL with the site's lease kept alive; false when the lease was lost (the URL stays pending).</summary>
    private async Task<bool> VisitUnderLeaseAsync(SiteState state, FrontierEntry entry, CrawlSummary summary, CancellationToken cancellation)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, state.Keeper.Lost);
        try
        {
            await VisitAsync(state, entry, summary, linked.Token);
            return true;
        }
        catch (Exception e) when (e is LeaseLostException || e is OperationCanceledException && state.Keeper.Lost.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            Progress?.Invoke(new CrawlEvent(state.Site, "lease_lost", state.Keeper.Reason ?? e.Message));
            return false;
        }
        finally
        {
            EndRequest(state);
        }
    }

    /// <summary>The site's lease, with a keeper renewing it on a connection of its own; null when another worker holds it.</summary>
    private SiteState? Acquire(string site, string? job, string? token, CrawlSettings? settings = null)
    {
        var holder = job is null ? _options.Holder : $"{_options.Holder}/job {job}";
        if (_frontier.TryLease(site, holder, job, _options.Lease, token) is not { } lease) return null;
        var location = _store.Location.Value;
        var keeper = new LeaseKeeper(_options.Lease, () =>
        {
            using var other = ExtractorStore.Open(location, create: false);
            return new CrawlFrontier(other).Renew(lease, _options.Lease);
        });
        settings ??= Settings;
        var state = new SiteState(site, lease, keeper, TimeSpan.FromMilliseconds(settings.DelayMs), settings.MaxDepth);
        _sites[site] = state;
        return state;
    }

    private void Release(SiteState state)
    {
        state.Keeper.Dispose();
        try { _frontier.Release(state.Lease); } catch (Exception e) when (e is not OutOfMemoryException) { } // it lapses anyway
        _sites.Remove(state.Site);
    }

    /// <summary>A site this crawler holds: its lease and keeper, the crawl's delay and depth, robots.txt once read.</summary>
    private sealed class SiteState(string site, SiteLease lease, LeaseKeeper keeper, TimeSpan delay, int maxDepth)
    {
        public string Site { get; } = site;
        public SiteLease Lease { get; } = lease;
        public LeaseKeeper Keeper { get; } = keeper;
        public TimeSpan Delay { get; } = delay;
        public int MaxDepth { get; } = maxDepth;
        public RobotsRules? Robots { get; set; }
        /// <summary>Why robots.txt could not be fetched, when this slice tried (another slice's try left only its status).</summary>
        public string? Unreachable { get; set; }
        public bool RequestOpen { get; set; }
    }

    /// <summary>
    /// Before a request to the site: waits until the delay (or robots.txt Crawl-delay) has passed since the site's last
    /// request ended, whoever sent it, then records that a request starts (which also renews the lease, and fails if it
    /// is no longer this crawler's).
    /// </summary>
    private async Task PoliteAsync(SiteState state, CancellationToken cancellation)
    {
        var delay = state.Delay;
        if (state.Robots?.CrawlDelay is { } cd && cd > delay) delay = cd;
        var wait = _frontier.WaitBeforeRequest(state.Site, delay);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
        _frontier.MarkRequest(state.Lease, _options.Lease);
        state.RequestOpen = true;
    }

    /// <summary>After a request's response has been read (or abandoned): the delay to the next one counts from now.</summary>
    private void EndRequest(SiteState state)
    {
        if (!state.RequestOpen) return;
        state.RequestOpen = false;
        try { _frontier.MarkRequest(state.Lease, _options.Lease); }
        catch (LeaseLostException) { } // the next request will find out
    }

    private async Task<bool> AllowedAsync(SiteState state, Uri url, CancellationToken cancellation)
    {
        state.Robots ??= await RobotsAsync(state, cancellation);
        return state.Robots.IsAllowed(url);
    }

    /// <summary>robots.txt as this crawl first read it (kept in the store for every later slice), or fetched now.</summary>
    private async Task<RobotsRules> RobotsAsync(SiteState state, CancellationToken cancellation)
    {
        var site = state.Site;
        if (_frontier.Robots(site) is not { } kept)
        {
            kept = await FetchRobotsAsync(state, cancellation);
            _frontier.SaveRobots(site, kept.Status, kept.Text);
        }
        return kept.Status switch
        {
            >= 200 and < 300 => RobotsRules.Parse(kept.Text ?? "", _options.Http.RobotsToken),
            >= 300 and < 500 => RobotsRules.AllowAll, // no robots.txt (redirects not followed: treated as none)
            _ => RobotsRules.Unreachable,
        };
    }

    private async Task<(int Status, string? Text)> FetchRobotsAsync(SiteState state, CancellationToken cancellation)
    {
        var site = state.Site;
        await PoliteAsync(state, cancellation);
        // One deadline for the whole request, body included (the politeness wait is not part of it).
        using var deadline = CrawlHttp.Deadline(_options.Http, cancellation);
        try
        {
            using var response = await _http.GetAsync(site + "/robots.txt", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300) return (status, null);
            var bytes = await CrawlHttp.ReadBodyAsync(response, 512 * 1024, deadline.Token);
            return (status, System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellation.IsCancellationRequested)
        {
            Progress?.Invoke(new CrawlEvent(site + "/robots.txt", "unreachable", e.Message));
            state.Unreachable = $"unreachable: {e.Message.Split('\n')[0]}";
            return (0, null);
        }
        finally
        {
            EndRequest(state);
        }
    }

    private void Settle(FrontierEntry entry, FrontierResult result, CrawlSummary summary)
    {
        _frontier.Settle(entry.Url, result);
        if (result.State == "failed" || result.Outcome == "disclosure_failed")
            summary.Failures.Add((entry.Url, result.Error ?? _detail ?? result.Outcome));
        Progress?.Invoke(new CrawlEvent(entry.Url, result.Outcome, result.Error ?? _detail));
        _detail = null;
    }

    public void Dispose()
    {
        foreach (var state in _sites.Values.ToList()) Release(state);
        _http.Dispose();
    }
}

using System.Text.Json;
using Dapper;

namespace Extractor.Store.Crawl;

/// <summary>One row of crawl_urls (migration 0002).</summary>
public sealed class FrontierEntry
{
    public string Url { get; init; } = "";
    public string Site { get; init; } = "";
    public int Depth { get; init; }
    public int Priority { get; init; }
    public string? FoundOn { get; init; }
    public string? LinkText { get; init; }
    public string LinkKind { get; init; } = "page";
    public bool Relevant { get; init; }
    public string State { get; init; } = "pending";
    public string? Outcome { get; init; }
    public string? FinalUrl { get; init; }
    public int? StatusCode { get; init; }
    public string? MediaType { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? HttpDate { get; init; }
    public string? Sha256 { get; init; }
    public long? SizeBytes { get; init; }
    public string? Document { get; init; }
    public int Attempts { get; init; }
    public string? Error { get; init; }
}

/// <summary>What a fetch settled for one URL.</summary>
public sealed record FrontierResult(
    string State, string Outcome, string? FinalUrl = null, int? StatusCode = null, string? MediaType = null,
    string? Etag = null, string? LastModified = null, string? HttpDate = null, string? Sha256 = null,
    long? SizeBytes = null, string? Document = null, string? Error = null);

/// <summary>A crawl's options as the site row keeps them, so that every slice of it runs with the same ones.</summary>
public sealed record CrawlSettings(int MaxPages, int MaxDepth, int DelayMs);

/// <summary>One row of crawl_sites: the crawl under way (or last finished) of one site.</summary>
public sealed class CrawlSiteRecord
{
    public string Site { get; init; } = "";
    public string StartedAt { get; init; } = "";
    public string? FinishedAt { get; init; }
    public int Fetched { get; init; }
    public string? Settings { get; init; }
    public int? RobotsStatus { get; init; }
    public string? RobotsTxt { get; init; }
    public string? LeaseHolder { get; init; }
    public string? LeaseJob { get; init; }
    public string? LeaseUntil { get; init; }
    public long Pending { get; init; }

    public CrawlSettings? CrawlSettings => Settings is null ? null : JsonSerializer.Deserialize<CrawlSettings>(Settings);
}

/// <summary>The hold one worker has on a site: only it sends the site requests until it releases or the lease expires.</summary>
public sealed record SiteLease(string Site, string Token, string Holder, string? Job);

/// <summary>The lease was taken over (it expired while its holder was stalled): the holder must stop sending requests.</summary>
public sealed class LeaseLostException(string site) : Exception($"{site}: the lease on this site was taken over by another worker");

/// <summary>
/// The crawl frontier and the sites' leases in the store (crawl_urls, crawl_sites): every normalised URL once, taken in
/// priority then discovery order, each settled in its own statement — so a crawl killed at any point resumes from what
/// is still pending, and nothing settled is fetched again. The crawler reads and writes these tables only through
/// this class. Times are the database's clock.
/// </summary>
public sealed class CrawlFrontier(ExtractorStore store)
{
    private readonly System.Data.IDbConnection _db = store.Connection;
    private readonly SqlDialect _d = store.Dialect;

    private const string EntryColumns = """
        url, site, depth, priority, found_on, link_text, link_kind, relevant, state, outcome, final_url, status_code,
        media_type, etag, last_modified, http_date, sha256, size_bytes, document, attempts, error
        """;

    /// <summary>Adds a URL unless already known; true when new. Discovery order: max + 1 in SQLite (one writer at a
    /// time), an identity column in PostgreSQL (any number of workers).</summary>
    public bool Add(Uri url, string site, int depth, int priority, string linkKind, bool relevant, string? foundOn, string? linkText) =>
        _db.Execute(store.IsPostgres
                ? $"""
                   INSERT INTO crawl_urls (url, site, depth, priority, found_on, link_text, link_kind, relevant, discovered_at)
                   VALUES (@url, @site, @depth, @priority, @foundOn, @linkText, @linkKind, @relevant, {_d.Now})
                   ON CONFLICT (url) DO NOTHING
                   """
                : $"""
                   INSERT INTO crawl_urls (url, site, depth, priority, seq, found_on, link_text, link_kind, relevant, discovered_at)
                   VALUES (@url, @site, @depth, @priority, (SELECT coalesce(max(seq), 0) + 1 FROM crawl_urls), @foundOn, @linkText, @linkKind, @relevant, {_d.Now})
                   ON CONFLICT (url) DO NOTHING
                   """,
            new { url = url.ToString(), site, depth, priority, foundOn, linkText, linkKind, relevant = relevant ? 1 : 0 }) > 0;

    /// <summary>Raises a pending URL's priority (and relevance) when a better link to it turns up.</summary>
    public void Promote(Uri url, int priority, bool relevant) =>
        _db.Execute($"""
            UPDATE crawl_urls SET priority = {_d.Greatest("priority", "@priority")}, relevant = {_d.Greatest("relevant", "@relevant")}
            WHERE url = @url AND state = 'pending'
            """, new { url = url.ToString(), priority, relevant = relevant ? 1 : 0 });

    public FrontierEntry? Get(Uri url) =>
        _db.QuerySingleOrDefault<FrontierEntry>($"SELECT {EntryColumns} FROM crawl_urls WHERE url = @url", new { url = url.ToString() });

    public FrontierEntry? Next(string site) =>
        _db.QueryFirstOrDefault<FrontierEntry>($"""
            SELECT {EntryColumns} FROM crawl_urls WHERE site = @site AND state = 'pending' ORDER BY priority DESC, seq LIMIT 1
            """, new { site });

    public void Settle(string url, FrontierResult r) =>
        _db.Execute($"""
            UPDATE crawl_urls SET state = @State, outcome = @Outcome, final_url = @FinalUrl, status_code = @StatusCode,
                media_type = coalesce(@MediaType, media_type), etag = coalesce(@Etag, etag),
                last_modified = coalesce(@LastModified, last_modified), http_date = coalesce(@HttpDate, http_date),
                sha256 = coalesce(@Sha256, sha256), size_bytes = coalesce(@SizeBytes, size_bytes),
                document = coalesce(@Document, document), error = @Error,
                attempts = attempts + 1, fetched_at = {_d.Now}
            WHERE url = @url
            """,
            new
            {
                url, r.State, r.Outcome, r.FinalUrl, r.StatusCode, r.MediaType, r.Etag, r.LastModified, r.HttpDate, r.Sha256,
                r.SizeBytes, r.Document, r.Error,
            });

    /// <summary>A URL already holding this content (another URL of the same file), with its document.</summary>
    public string? DocumentWithContent(string sha256) =>
        _db.ExecuteScalar<string?>("SELECT document FROM crawl_urls WHERE sha256 = @sha256 AND document IS NOT NULL LIMIT 1", new { sha256 });

    /// <summary>
    /// Starts (or resumes) a crawl of a site. When the site's last crawl finished, this is a re-crawl: every URL that
    /// was fetched becomes pending again and will be asked for with If-None-Match / If-Modified-Since. A crawl that
    /// did not finish just carries on with what is pending. Either way robots.txt is fetched afresh, and the crawl's
    /// page budget starts again.
    /// </summary>
    public bool Begin(string site, IEnumerable<string> seeds, CrawlSettings? settings = null)
    {
        var finished = _db.QuerySingleOrDefault<string?>($"SELECT {_d.TimeText("finished_at")} FROM crawl_sites WHERE site = @site", new { site });
        var known = _db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE site = @site", new { site }) > 0;
        var recrawl = finished is not null;
        using var tx = _db.BeginTransaction();
        _db.Execute($"""
            INSERT INTO crawl_sites (site, seeds, started_at, settings) VALUES (@site, {_d.Json("@seeds")}, {_d.Now}, {_d.Json("@settings")})
            ON CONFLICT (site) DO UPDATE SET seeds = excluded.seeds, started_at = excluded.started_at, finished_at = NULL,
                settings = excluded.settings, fetched = 0, robots_status = NULL, robots_txt = NULL
            """,
            new { site, seeds = JsonSerializer.Serialize(seeds), settings = settings is null ? null : JsonSerializer.Serialize(settings) }, tx);
        if (recrawl)
            _db.Execute("""
                UPDATE crawl_urls SET state = 'pending'
                WHERE site = @site AND state IN ('done', 'failed') AND coalesce(outcome, '') NOT IN ('disallowed', 'offsite_redirect')
                """, new { site }, tx);
        tx.Commit();
        return recrawl && known;
    }

    /// <summary>Marks the site's crawl finished when nothing is pending; true when it is.</summary>
    public bool Finish(string site)
    {
        if (Pending(site) > 0) return false;
        _db.Execute($"UPDATE crawl_sites SET finished_at = {_d.Now} WHERE site = @site AND finished_at IS NULL", new { site });
        return true;
    }

    public long Pending(string site) =>
        _db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE site = @site AND state = 'pending'", new { site });

    public CrawlSiteRecord? Site(string site) =>
        _db.QuerySingleOrDefault<CrawlSiteRecord>($"""
            SELECT site, {_d.TimeText("started_at")} AS started_at, {_d.TimeText("finished_at")} AS finished_at, fetched,
                   settings, robots_status, robots_txt, lease_holder, lease_job, {_d.TimeText("lease_until")} AS lease_until,
                   (SELECT count(*) FROM crawl_urls u WHERE u.site = s.site AND u.state = 'pending') AS pending
            FROM crawl_sites s WHERE site = @site
            """, new { site });

    /// <summary>Every site with its crawl's progress, for `extractor status`.</summary>
    public IReadOnlyList<CrawlSiteRecord> Sites() =>
        _db.Query<CrawlSiteRecord>($"""
            SELECT site, {_d.TimeText("started_at")} AS started_at, {_d.TimeText("finished_at")} AS finished_at, fetched,
                   settings, robots_status, lease_holder, lease_job, {_d.TimeText("lease_until")} AS lease_until,
                   (SELECT count(*) FROM crawl_urls u WHERE u.site = s.site AND u.state = 'pending') AS pending
            FROM crawl_sites s ORDER BY site
            """).ToList();

    /// <summary>Counts one URL against the crawl's page budget; returns how many this crawl has fetched.</summary>
    public int CountFetch(string site) =>
        _db.ExecuteScalar<int>("UPDATE crawl_sites SET fetched = fetched + 1 WHERE site = @site RETURNING fetched", new { site });

    /// <summary>robots.txt as fetched at this crawl's start: (status, text), or null when not fetched yet.</summary>
    public (int Status, string? Text)? Robots(string site)
    {
        var row = _db.QuerySingleOrDefault<(int? Status, string? Text)>("SELECT robots_status, robots_txt FROM crawl_sites WHERE site = @site", new { site });
        return row.Status is { } status ? (status, row.Text) : null;
    }

    public void SaveRobots(string site, int status, string? text) =>
        _db.Execute("UPDATE crawl_sites SET robots_status = @status, robots_txt = @text WHERE site = @site", new { site, status, text });

    /// <summary>
    /// Takes the site's lease for <paramref name="lease"/>: when nobody holds it, when it expired, or when this token
    /// already holds it. Null when another worker holds it; <see cref="LeaseHolder"/> says who and for how long.
    /// </summary>
    public SiteLease? TryLease(string site, string holder, string? job, TimeSpan lease, string? token = null)
    {
        token ??= Guid.NewGuid().ToString("N");
        var taken = _db.Execute($"""
            UPDATE crawl_sites SET lease_token = @token, lease_holder = @holder, lease_job = @job, lease_until = {_d.NowPlus("@lease")}
            WHERE site = @site AND (lease_until IS NULL OR lease_until < {_d.Now} OR lease_token = @token)
            """, new { site, token, holder, job, lease = lease.TotalSeconds }) > 0;
        return taken ? new SiteLease(site, token, holder, job) : null;
    }

    /// <summary>Who holds the site's lease (job id) and for how many more seconds; null when nobody does.</summary>
    public (string? Job, string Holder, double SecondsLeft)? LeaseHolder(string site) =>
        _db.QuerySingleOrDefault<(string?, string, double)?>($"""
            SELECT lease_job, lease_holder, {_d.SecondsUntil("lease_until")} FROM crawl_sites
            WHERE site = @site AND lease_until IS NOT NULL AND lease_until >= {_d.Now}
            """, new { site });

    /// <summary>Extends the lease; false when it is no longer this holder's.</summary>
    public bool Renew(SiteLease lease, TimeSpan duration) =>
        _db.Execute($"""
            UPDATE crawl_sites SET lease_until = {_d.NowPlus("@duration")} WHERE site = @Site AND lease_token = @Token
            """, new { lease.Site, lease.Token, duration = duration.TotalSeconds }) > 0;

    public void Release(SiteLease lease) =>
        _db.Execute("""
            UPDATE crawl_sites SET lease_token = NULL, lease_holder = NULL, lease_job = NULL, lease_until = NULL
            WHERE site = @Site AND lease_token = @Token
            """, new { lease.Site, lease.Token });

    /// <summary>How long to wait before the next request to the site: <paramref name="delay"/> after the last one
    /// (whichever worker sent it), or zero.</summary>
    public TimeSpan WaitBeforeRequest(string site, TimeSpan delay)
    {
        var since = _db.ExecuteScalar<double?>($"SELECT {_d.SecondsUntil("last_request_at")} FROM crawl_sites WHERE site = @site", new { site });
        if (since is not { } s) return TimeSpan.Zero;
        var wait = delay.TotalSeconds + s;
        return wait > 0 ? TimeSpan.FromSeconds(Math.Min(wait, delay.TotalSeconds)) : TimeSpan.Zero;
    }

    /// <summary>Records that a request to the site starts or has just ended, under the lease (and extends it);
    /// throws <see cref="LeaseLostException"/> when the lease is no longer this holder's.</summary>
    public void MarkRequest(SiteLease lease, TimeSpan duration)
    {
        if (_db.Execute($"""
                UPDATE crawl_sites SET last_request_at = {_d.Now}, lease_until = {_d.NowPlus("@duration")}
                WHERE site = @Site AND lease_token = @Token
                """, new { lease.Site, lease.Token, duration = duration.TotalSeconds }) == 0)
            throw new LeaseLostException(lease.Site);
    }
}

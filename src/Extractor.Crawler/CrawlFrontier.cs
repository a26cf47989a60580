using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace Extractor.Crawler;

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

/// <summary>
/// The crawl frontier in the SQLite store: every normalised URL once (INSERT OR IGNORE), taken in priority then
/// discovery order, each settled in its own statement — so a crawl killed at any point resumes from what is
/// still pending, and nothing settled is fetched again.
/// </summary>
public sealed class CrawlFrontier(IDbConnection db)
{
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Adds a URL unless already known; true when new.</summary>
    public bool Add(Uri url, string site, int depth, int priority, string linkKind, bool relevant, string? foundOn, string? linkText) =>
        db.Execute("""
            INSERT OR IGNORE INTO crawl_urls (url, site, depth, priority, seq, found_on, link_text, link_kind, relevant, discovered_at)
            VALUES (@url, @site, @depth, @priority, (SELECT coalesce(max(seq), 0) + 1 FROM crawl_urls), @foundOn, @linkText, @linkKind, @relevant, @now)
            """,
            new { url = url.ToString(), site, depth, priority, foundOn, linkText, linkKind, relevant = relevant ? 1 : 0, now = Now() }) > 0;

    /// <summary>Raises a pending URL's priority (and relevance) when a better link to it turns up.</summary>
    public void Promote(Uri url, int priority, bool relevant) =>
        db.Execute("""
            UPDATE crawl_urls SET priority = max(priority, @priority), relevant = max(relevant, @relevant)
            WHERE url = @url AND state = 'pending'
            """, new { url = url.ToString(), priority, relevant = relevant ? 1 : 0 });

    public FrontierEntry? Get(Uri url) =>
        db.QuerySingleOrDefault<FrontierEntry>("SELECT * FROM crawl_urls WHERE url = @url", new { url = url.ToString() });

    public FrontierEntry? Next(string site) =>
        db.QueryFirstOrDefault<FrontierEntry>("""
            SELECT * FROM crawl_urls WHERE site = @site AND state = 'pending' ORDER BY priority DESC, seq LIMIT 1
            """, new { site });

    public void Settle(string url, FrontierResult r) =>
        db.Execute("""
            UPDATE crawl_urls SET state = @State, outcome = @Outcome, final_url = @FinalUrl, status_code = @StatusCode,
                media_type = coalesce(@MediaType, media_type), etag = coalesce(@Etag, etag),
                last_modified = coalesce(@LastModified, last_modified), http_date = coalesce(@HttpDate, http_date),
                sha256 = coalesce(@Sha256, sha256), size_bytes = coalesce(@SizeBytes, size_bytes),
                document = coalesce(@Document, document), error = @Error,
                attempts = attempts + 1, fetched_at = @now
            WHERE url = @url
            """,
            new
            {
                url, r.State, r.Outcome, r.FinalUrl, r.StatusCode, r.MediaType, r.Etag, r.LastModified, r.HttpDate, r.Sha256,
                r.SizeBytes, r.Document, r.Error, now = Now(),
            });

    /// <summary>A URL already holding this content (another URL of the same file), with its document.</summary>
    public string? DocumentWithContent(string sha256) =>
        db.ExecuteScalar<string?>("SELECT document FROM crawl_urls WHERE sha256 = @sha256 AND document IS NOT NULL LIMIT 1", new { sha256 });

    /// <summary>
    /// Starts (or resumes) a crawl of a site. When the site's last crawl finished, this is a re-crawl: every URL that
    /// was fetched becomes pending again and will be asked for with If-None-Match / If-Modified-Since. A crawl that
    /// did not finish just carries on with what is pending.
    /// </summary>
    public bool Begin(string site, IEnumerable<string> seeds)
    {
        var finished = db.QuerySingleOrDefault<string?>("SELECT finished_at FROM crawl_sites WHERE site = @site", new { site });
        var known = db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE site = @site", new { site }) > 0;
        var recrawl = finished is not null;
        using var tx = db.BeginTransaction();
        db.Execute("""
            INSERT INTO crawl_sites (site, seeds, started_at) VALUES (@site, @seeds, @now)
            ON CONFLICT (site) DO UPDATE SET seeds = @seeds, started_at = @now, finished_at = NULL
            """, new { site, seeds = JsonSerializer.Serialize(seeds), now = Now() }, tx);
        if (recrawl)
            db.Execute("""
                UPDATE crawl_urls SET state = 'pending'
                WHERE site = @site AND state IN ('done', 'failed') AND coalesce(outcome, '') NOT IN ('disallowed', 'offsite_redirect')
                """, new { site }, tx);
        tx.Commit();
        return recrawl && known;
    }

    public void Finish(string site)
    {
        var pending = db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE site = @site AND state = 'pending'", new { site });
        if (pending == 0) db.Execute("UPDATE crawl_sites SET finished_at = @now WHERE site = @site", new { site, now = Now() });
    }

    public long Pending(string site) =>
        db.ExecuteScalar<long>("SELECT count(*) FROM crawl_urls WHERE site = @site AND state = 'pending'", new { site });
}

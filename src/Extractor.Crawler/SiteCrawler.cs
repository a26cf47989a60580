using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Extractor.Core;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Store;
using Extractor.Web;

namespace Extractor.Crawler;

public sealed record CrawlOptions
{
    /// <summary>URL fetches in this run (robots.txt not counted); what is left stays pending for the next run.</summary>
    public int MaxPages { get; init; } = 1000;
    /// <summary>Links followed from the seed (pagination does not count; an attachment is taken one level beyond).</summary>
    public int MaxDepth { get; init; } = 5;
    /// <summary>Pause between two requests to the same host (robots.txt Crawl-delay when longer).</summary>
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
}

/// <summary>Totals of one crawl run.</summary>
public sealed record CrawlSummary
{
    public int Fetched { get; set; }
    public int Stored { get; set; }
    public int StoredFailed { get; set; }
    public int Duplicates { get; set; }
    public int NotModified { get; set; }
    public int Disallowed { get; set; }
    /// <summary>URLs whose site did not answer at all (connection refused, DNS failure, timeout before any response).</summary>
    public int Unreachable { get; set; }
    public int Errors { get; set; }
    /// <summary>Every URL that failed in this run, with its reason, in the order they failed.</summary>
    public List<(string Url, string Reason)> Failures { get; } = [];
    public int Pages { get; set; }
    public long Pending { get; set; }
    public TimeSpan Elapsed { get; set; }
}

/// <summary>One event of a crawl, for progress output.</summary>
public sealed record CrawlEvent(string Url, string Outcome, string? Detail = null);

/// <summary>
/// Crawls government portals for budget disclosures: from each seed it stays on the seed's site (scheme, host and
/// port), obeys robots.txt, waits <see cref="CrawlOptions.Delay"/> between requests to a host (one request at a
/// time), retries 5xx/timeouts with back-off (<see cref="CrawlHttp"/>), follows redirects on the site, and walks list
/// pages, pagination and detail pages. Attachments (pdf, doc(x), xls(x), wps, zip — by Content-Type,
/// Content-Disposition or extension) linked from a disclosure page or by a link naming one, and pages that are
/// disclosures themselves (title with 决算/预算/三公/绩效, substantial content), go through extraction into the store
/// with their URL, found_on page and link text; each content (sha256) is stored once. The frontier lives in the
/// store (crawl_urls), so a killed crawl resumes; a re-crawl of a finished site uses conditional GET.
/// </summary>
public sealed class SiteCrawler(ExtractorStore store, Func<string, CancellationToken, Report> extract, CrawlOptions options) : IDisposable
{
    private readonly CrawlFrontier _frontier = new(store.Connection);
    private readonly HttpClient _http = CrawlHttp.CreateClient(options.Http, followRedirects: false);
    private readonly Dictionary<string, RobotsRules> _robots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreachable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _lastRequest = new(StringComparer.Ordinal);
    private const int MaxRedirects = 5;
    private string? _detail; // what the last ingest said, for the progress event of the URL being settled

    public event Action<CrawlEvent>? Progress;

    public async Task<CrawlSummary> CrawlAsync(IEnumerable<string> seeds, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var summary = new CrawlSummary();
        var bySite = new List<(string Site, List<Uri> Seeds)>();
        foreach (var s in seeds)
        {
            var url = CrawlUrls.Normalize(s) ?? throw new ArgumentException($"{s}: not an http(s) URL");
            var site = CrawlUrls.Site(url);
            var group = bySite.FirstOrDefault(g => g.Site == site);
            if (group.Site is null) bySite.Add(group = (site, []));
            group.Seeds.Add(url);
        }

        foreach (var (site, siteSeeds) in bySite)
        {
            _frontier.Begin(site, siteSeeds.Select(u => u.ToString()));
            foreach (var seed in siteSeeds)
                if (!_frontier.Add(seed, site, 0, 10, "seed", Attachments.DisclosureWords().IsMatch(Uri.UnescapeDataString(seed.AbsolutePath)), null, null))
                    _frontier.Promote(seed, 10, false);
        }

        // Sites take turns, one URL each, so one slow site does not starve the others; each host sees one request at a time.
        var active = bySite.Select(s => s.Site).ToList();
        while (active.Count > 0 && summary.Fetched < options.MaxPages)
        {
            foreach (var site in active.ToList())
            {
                cancellation.ThrowIfCancellationRequested();
                if (summary.Fetched >= options.MaxPages) break;
                var next = _frontier.Next(site);
                if (next is null)
                {
                    _frontier.Finish(site);
                    active.Remove(site);
                    continue;
                }
                await VisitAsync(next, summary, cancellation);
            }
        }
        foreach (var (site, _) in bySite)
        {
            _frontier.Finish(site);
            summary.Pending += _frontier.Pending(site);
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private async Task VisitAsync(FrontierEntry entry, CrawlSummary summary, CancellationToken cancellation)
    {
        var url = new Uri(entry.Url);
        if (!await AllowedAsync(url, cancellation))
        {
            // A site that did not answer for robots.txt is not one that forbids the URL: it stays to be retried.
            if (_robots.GetValueOrDefault(CrawlUrls.Site(url)) == RobotsRules.Unreachable)
            {
                summary.Unreachable++;
                Settle(entry, new FrontierResult("failed", "unreachable", Error: _unreachable.GetValueOrDefault(CrawlUrls.Site(url)) ?? "the site did not answer"), summary);
                return;
            }
            Settle(entry, new FrontierResult("skipped", "disallowed"), summary);
            summary.Disallowed++;
            return;
        }
        // An attachment no disclosure points at is not worth a download.
        if (entry.LinkKind == "attachment" && !entry.Relevant)
        {
            Settle(entry, new FrontierResult("skipped", "not_disclosure"), summary);
            return;
        }

        summary.Fetched++;
        Fetched fetched;
        // One deadline for the whole request, redirects and body included.
        using var deadline = CrawlHttp.Deadline(options.Http, cancellation);
        try
        {
            fetched = await FetchAsync(url, entry, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            summary.Errors++;
            Settle(entry, new FrontierResult("failed", "timeout", Error: TimedOut()), summary);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellation.IsCancellationRequested)
        {
            summary.Errors++;
            Settle(entry, new FrontierResult("failed", "error", Error: $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"), summary);
            return;
        }

        if (fetched.Blocked is { } blocked)
        {
            if (blocked == "disallowed") summary.Disallowed++;
            Settle(entry, new FrontierResult("skipped", blocked, FinalUrl: fetched.FinalUrl.ToString()), summary);
            return;
        }
        var response = fetched.Response!;
        using (response)
        {
            var status = (int)response.StatusCode;
            var meta = Meta(response);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                summary.NotModified++;
                Settle(entry, new FrontierResult("done", "not_modified", fetched.FinalUrl.ToString(), status, Etag: meta.Etag,
                    LastModified: meta.LastModified, HttpDate: meta.Date), summary);
                return;
            }
            if (!response.IsSuccessStatusCode)
            {
                summary.Errors++;
                Settle(entry, new FrontierResult("failed", $"http_{status}", fetched.FinalUrl.ToString(), status), summary);
                return;
            }

            byte[] body;
            try
            {
                body = await CrawlHttp.ReadBodyAsync(response, options.Http.MaxBytes, deadline.Token);
            }
            catch (Exception e) when (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                summary.Errors++;
                Settle(entry, new FrontierResult("failed", "timeout", fetched.FinalUrl.ToString(), status, Error: TimedOut()), summary);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                summary.Errors++;
                Settle(entry, new FrontierResult("failed", "error", fetched.FinalUrl.ToString(), status, Error: e.Message.Split('\n')[0]), summary);
                return;
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(body));
            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            var disposition = response.Content.Headers.ContentDisposition;
            var dispositionName = Attachments.DispositionFileName(disposition);
            var attachmentExt = Attachments.ResponseExtension(mediaType, dispositionName,
                string.Equals(disposition?.DispositionType, "attachment", StringComparison.OrdinalIgnoreCase), fetched.FinalUrl);
            var result = new FrontierResult("done", "page", fetched.FinalUrl.ToString(), status, mediaType, meta.Etag,
                meta.LastModified, meta.Date, sha, body.LongLength);

            if (attachmentExt is not null)
            {
                var relevant = entry.Relevant || Attachments.DisclosureWords().IsMatch(dispositionName ?? "");
                if (!relevant)
                {
                    Settle(entry, result with { Outcome = "not_disclosure" }, summary);
                    return;
                }
                var (document, outcome) = await IngestAsync(entry, body, sha, attachmentExt, summary, cancellation);
                Settle(entry, result with { Outcome = outcome, Document = document }, summary);
                return;
            }

            if (!Attachments.IsHtml(mediaType) && !(mediaType is null or "text/plain" && LooksHtml(body)))
            {
                Settle(entry, result with { Outcome = "ignored" }, summary);
                return;
            }

            summary.Pages++;
            HtmlPage page;
            try
            {
                page = HtmlPage.Parse(body, fetched.FinalUrl, response.Content.Headers.ContentType?.ToString());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                summary.Errors++;
                Settle(entry, result with { State = "failed", Outcome = "unparsable", Error = e.Message.Split('\n')[0] }, summary);
                return;
            }
            var disclosurePage = IsDisclosurePage(page);
            Discover(entry, fetched.FinalUrl, page, disclosurePage);
            if (disclosurePage)
            {
                var (document, outcome) = await IngestAsync(entry, HtmlForIngest(body, response.Content.Headers.ContentType?.ToString()), sha, ".html", summary, cancellation);
                Settle(entry, result with { Outcome = outcome, Document = document }, summary);
            }
            else Settle(entry, result with { Outcome = page.Links.Count(l => l.InContent) >= 5 ? "list" : "page" }, summary);
        }
    }

    private string TimedOut() => $"no complete response within {options.Http.TotalTimeout.TotalSeconds:0} s (headers and body)";

    private sealed record Fetched(Uri FinalUrl, HttpResponseMessage? Response, string? Blocked);

    /// <summary>GET with conditional headers, following redirects by hand so every hop is checked for site and robots.</summary>
    private async Task<Fetched> FetchAsync(Uri url, FrontierEntry entry, CancellationToken cancellation)
    {
        var site = entry.Site;
        var current = url;
        for (var hop = 0; ; hop++)
        {
            await PoliteAsync(site, cancellation);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            // The validators belong to the response at the end of any redirects: send them on every hop.
            {
                if (entry.Etag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                if (entry.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;
            }
            if (hop > 0) request.Headers.Referrer = url;
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null) return new(current, response, null);
            var location = response.Headers.Location;
            response.Dispose();
            var next = CrawlUrls.Normalize(location.IsAbsoluteUri ? location : new Uri(current, location));
            if (next is null || CrawlUrls.Site(next) != site) return new(next ?? current, null, "offsite_redirect");
            if (!await AllowedAsync(next, cancellation)) return new(next, null, "disallowed");
            if (hop >= MaxRedirects) return new(next, null, "redirect_loop");
            Progress?.Invoke(new CrawlEvent(current.ToString(), "redirect", next.ToString()));
            current = next;
        }
    }

    /// <summary>One request at a time per host, at least the delay (or robots.txt Crawl-delay) apart.</summary>
    private async Task PoliteAsync(string site, CancellationToken cancellation)
    {
        var delay = options.Delay;
        if (_robots.TryGetValue(site, out var rules) && rules.CrawlDelay is { } cd && cd > delay) delay = cd;
        if (_lastRequest.TryGetValue(site, out var last))
        {
            var wait = last + delay - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
        }
        _lastRequest[site] = DateTime.UtcNow;
    }

    private async Task<bool> AllowedAsync(Uri url, CancellationToken cancellation)
    {
        var site = CrawlUrls.Site(url);
        if (!_robots.TryGetValue(site, out var rules))
        {
            rules = await LoadRobotsAsync(site, cancellation);
            _robots[site] = rules;
        }
        return rules.IsAllowed(url);
    }

    private async Task<RobotsRules> LoadRobotsAsync(string site, CancellationToken cancellation)
    {
        using var deadline = CrawlHttp.Deadline(options.Http, cancellation);
        try
        {
            await PoliteAsync(site, deadline.Token);
            using var response = await _http.GetAsync(site + "/robots.txt", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                var bytes = await CrawlHttp.ReadBodyAsync(response, 512 * 1024, deadline.Token);
                return RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(bytes), options.Http.RobotsToken);
            }
            if (status is >= 300 and < 500) return RobotsRules.AllowAll; // no robots.txt (redirects not followed: treated as none)
            return RobotsRules.Unreachable;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellation.IsCancellationRequested)
        {
            Progress?.Invoke(new CrawlEvent(site + "/robots.txt", "unreachable", e.Message));
            _unreachable[site] = $"unreachable: {e.Message.Split('\n')[0]}";
            return RobotsRules.Unreachable;
        }
    }

    /// <summary>A page that is itself a disclosure: its title names one, and its main content is prose or tables, not a list of links.</summary>
    public static bool IsDisclosurePage(HtmlPage page) => page.IsDisclosure;

    /// <summary>Adds the page's links to the frontier: same site only, with kind, priority and relevance.</summary>
    private void Discover(FrontierEntry entry, Uri pageUrl, HtmlPage page, bool disclosurePage)
    {
        var pageNamesDisclosure = Attachments.DisclosureWords().IsMatch(page.Title) || Attachments.DisclosureWords().IsMatch(page.Heading);
        var pageDir = pageUrl.AbsolutePath[..(pageUrl.AbsolutePath.LastIndexOf('/') + 1)];
        foreach (var link in page.Links)
        {
            var url = CrawlUrls.Normalize(link.Url);
            if (url is null || CrawlUrls.Site(url) != entry.Site) continue; // off-site: never fetched
            if (url.ToString() == entry.Url || Attachments.IsSkippedUrl(url)) continue;
            var text = link.Text.Length > 200 ? link.Text[..200] : link.Text;
            var named = Attachments.DisclosureWords().IsMatch(text) || Attachments.DisclosureWords().IsMatch(Uri.UnescapeDataString(url.AbsolutePath));
            string kind;
            int depth, priority;
            bool relevant;
            if (Attachments.IsAttachmentUrl(url))
            {
                kind = "attachment";
                depth = entry.Depth + 1;
                // An attachment on a page at the depth limit is still taken, but no deeper: an "attachment" that is a
                // page linking the next one (/page/N/x.pdf → /page/N+1/x.pdf) would otherwise descend forever, ranked
                // above every page, and take the whole fetch budget.
                if (depth > options.MaxDepth + 1) continue;
                relevant = named || disclosurePage || pageNamesDisclosure;
                priority = relevant ? 8 : 0;
            }
            else
            {
                var dir = url.AbsolutePath[..(url.AbsolutePath.LastIndexOf('/') + 1)];
                var pagination = Attachments.PaginationUrl().IsMatch(url.PathAndQuery) && dir == pageDir
                                 || Attachments.PaginationText().IsMatch(text) && dir == pageDir;
                kind = pagination ? "pagination" : "page";
                depth = pagination ? entry.Depth : entry.Depth + 1;
                if (depth > options.MaxDepth) continue;
                // A link out of a disclosure page to an unnamed page may still be the next part of the report or an
                // attachment served by a script (download.jsp?id=…): relevant, so such an attachment is kept.
                relevant = named || (disclosurePage || pageNamesDisclosure) && link.InContent;
                priority = named ? 6 : pagination ? 5 : disclosurePage && link.InContent ? 4 : link.InContent ? 2 : 1;
            }
            if (!_frontier.Add(url, entry.Site, depth, priority, kind, relevant, entry.Url, text))
                _frontier.Promote(url, priority, relevant);
        }
    }

    /// <summary>
    /// Extracts one disclosure into the store (the same path `ingest` takes: extraction, then SaveReport or
    /// SaveFailure with the reason), unless its content is stored already. Returns the document's sha256.
    /// </summary>
    private async Task<(string Document, string Outcome)> IngestAsync(FrontierEntry entry, byte[] body, string sha, string extension,
        CrawlSummary summary, CancellationToken cancellation)
    {
        string outcome;
        _detail = null;
        var stored = store.Find(sha);
        if (stored is not null && (stored.Status == "ok" || stored.ExtractorVersion == options.ExtractorVersion))
        {
            summary.Duplicates++;
            outcome = "duplicate";
            _detail = $"same content as a stored document ({sha[..12]}…)";
            return (sha, outcome);
        }

        var dir = options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"extractor-crawl-{sha[..16]}-{Environment.ProcessId}{extension}");
        // Kept under its content's name next to the store: serve opens it like a local file (extraction reads the
        // download as before; the kept copy is the bytes as served, whose sha256 the document has).
        if (options.KeepDirectory is { } keep) new KeptFiles(keep).Put(sha, extension, body);
        var origin = new DocumentOrigin(entry.Url, entry.FoundOn, entry.LinkText, body.LongLength);
        var clock = Stopwatch.StartNew();
        try
        {
            File.WriteAllBytes(path, body);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(options.DocumentTimeout);
            // An extractor that ignores its token is abandoned after a grace period (as ingest does), not waited for.
            var task = Task.Run(() => extract(path, limit.Token), CancellationToken.None);
            var report = await task.WaitAsync(options.DocumentTimeout + TimeSpan.FromSeconds(5), cancellation);
            store.SaveReport(sha, origin, report, clock.Elapsed);
            summary.Stored++;
            outcome = extension == ".html" ? "disclosure_page" : "disclosure";
            _detail = $"{report.Document.Kind} {report.Document.Agency} {report.Document.FiscalYear}";
        }
        catch (Exception e) when (e is not StoreException && !(e is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            // (A crawl interrupted mid-extraction stores nothing for this URL: it stays pending and is done on resume.)
            var (reason, message) = e switch
            {
                ExtractionException x => (x.Reason, x.Message),
                TimeoutException => ("timeout", $"still running {options.DocumentTimeout.TotalSeconds:0} s + 5 s grace; abandoned"),
                OperationCanceledException => ("timeout", $"took longer than the per-document limit of {options.DocumentTimeout.TotalSeconds:0} s"),
                _ => ("error", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"),
            };
            store.SaveFailure(sha, origin, reason, message, options.ExtractorVersion, MediaTypeOf(extension), clock.Elapsed);
            summary.StoredFailed++;
            outcome = "disclosure_failed";
            _detail = $"{reason}: {message}";
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return (sha, outcome);
    }

    private static string? MediaTypeOf(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".html" => "text/html",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".zip" => "application/zip",
        ".wps" => "application/vnd.ms-works",
        _ => null,
    };

    /// <summary>
    /// The bytes to extract for a page: as served, unless only the HTTP header named its charset (a saved file would
    /// lose it) — then re-encoded as UTF-8 with a BOM. The document keeps the served bytes' sha256 either way.
    /// </summary>
    private static byte[] HtmlForIngest(byte[] body, string? contentType)
    {
        var withHeader = HtmlDecoding.Decode(body, contentType);
        if (withHeader.EncodingSource != "http") return body;
        var alone = HtmlDecoding.Decode(body);
        if (alone.Encoding.CodePage == withHeader.Encoding.CodePage) return body;
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(withHeader.Text)];
    }

    private static bool LooksHtml(byte[] body)
    {
        var head = System.Text.Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 2048)).ToLowerInvariant();
        return head.Contains("<html") || head.Contains("<!doctype html") || head.Contains("<body");
    }

    private static (string? Etag, string? LastModified, string? Date) Meta(HttpResponseMessage response) =>
        (response.Headers.ETag?.ToString(),
         response.Content.Headers.LastModified?.ToString("R"),
         response.Headers.Date?.ToString("R"));

    private void Settle(FrontierEntry entry, FrontierResult result, CrawlSummary summary)
    {
        _frontier.Settle(entry.Url, result);
        if (result.State == "failed" || result.Outcome == "disclosure_failed")
            summary.Failures.Add((entry.Url, result.Error ?? _detail ?? result.Outcome));
        Progress?.Invoke(new CrawlEvent(entry.Url, result.Outcome, result.Error ?? _detail));
        _detail = null;
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Extractor.Store.Crawl;
using Extractor.Web;

namespace Extractor.Crawler;

/// <summary>One URL: fetched (redirects followed by hand), its page's links added to the frontier, a disclosure handed to the sink, settled.</summary>
public sealed partial class SiteCrawler
{
    private async Task VisitAsync(SiteState state, FrontierEntry entry, CrawlSummary summary, CancellationToken cancellation)
    {
        var url = new Uri(entry.Url);
        if (!await AllowedAsync(state, url, cancellation))
        {
            // A site that did not answer for robots.txt is not one that forbids the URL: it stays to be retried.
            if (state.Robots == RobotsRules.Unreachable)
            {
                summary.Unreachable++;
                Settle(entry, new FrontierResult("failed", "unreachable", Error: state.Unreachable ?? "the site did not answer"), summary);
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
        _frontier.CountFetch(state.Site);
        Fetched fetched;
        // One deadline for the whole request, redirects and body included (each hop's politeness wait as well).
        using var deadline = CrawlHttp.Deadline(_options.Http, cancellation);
        try
        {
            fetched = await FetchAsync(state, url, entry, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            EndRequest(state);
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
                body = await CrawlHttp.ReadBodyAsync(response, _options.Http.MaxBytes, deadline.Token);
            }
            catch (Exception e) when (e is OperationCanceledException && deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                summary.Errors++;
                Settle(entry, new FrontierResult("failed", "timeout", fetched.FinalUrl.ToString(), status, Error: TimedOut()), summary);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                EndRequest(state);
                summary.Errors++;
                Settle(entry, new FrontierResult("failed", "error", fetched.FinalUrl.ToString(), status, Error: e.Message.Split('\n')[0]), summary);
                return;
            }
            finally
            {
                EndRequest(state);
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
                var outcome = await AcceptAsync(entry, body, sha, attachmentExt, summary, cancellation);
                Settle(entry, result with { Outcome = outcome, Document = sha }, summary);
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
            Discover(state, entry, fetched.FinalUrl, page, disclosurePage);
            if (disclosurePage)
            {
                var outcome = await AcceptAsync(entry, HtmlForIngest(body, response.Content.Headers.ContentType?.ToString()), sha, ".html", summary, cancellation);
                Settle(entry, result with { Outcome = outcome, Document = sha }, summary);
            }
            else Settle(entry, result with { Outcome = page.Links.Count(l => l.InContent) >= 5 ? "list" : "page" }, summary);
        }
    }

    private string TimedOut() => $"no complete response within {_options.Http.TotalTimeout.TotalSeconds:0} s (headers and body)";

    private sealed record Fetched(Uri FinalUrl, HttpResponseMessage? Response, string? Blocked);

    /// <summary>GET with conditional headers, following redirects by hand so every hop is checked for site and robots.</summary>
    private async Task<Fetched> FetchAsync(SiteState state, Uri url, FrontierEntry entry, CancellationToken cancellation)
    {
        var site = entry.Site;
        var current = url;
        for (var hop = 0; ; hop++)
        {
            await PoliteAsync(state, cancellation);
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
            EndRequest(state);
            var next = CrawlUrls.Normalize(location.IsAbsoluteUri ? location : new Uri(current, location));
            if (next is null || CrawlUrls.Site(next) != site) return new(next ?? current, null, "offsite_redirect");
            if (!await AllowedAsync(state, next, cancellation)) return new(next, null, "disallowed");
            if (hop >= MaxRedirects) return new(next, null, "redirect_loop");
            Progress?.Invoke(new CrawlEvent(current.ToString(), "redirect", next.ToString()));
            current = next;
        }
    }

    /// <summary>A page that is itself a disclosure: its title names one, and its main content is prose or tables, not a list of links.</summary>
    public static bool IsDisclosurePage(HtmlPage page) => page.IsDisclosure;

    /// <summary>Adds the page's links to the frontier: same site only, with kind, priority and relevance.</summary>
    private void Discover(SiteState state, FrontierEntry entry, Uri pageUrl, HtmlPage page, bool disclosurePage)
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
                if (depth > state.MaxDepth + 1) continue;
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
                if (depth > state.MaxDepth) continue;
                // A link out of a disclosure page to an unnamed page may still be the next part of the report or an
                // attachment served by a script (download.jsp?id=…): relevant, so such an attachment is kept.
                relevant = named || (disclosurePage || pageNamesDisclosure) && link.InContent;
                priority = named ? 6 : pagination ? 5 : disclosurePage && link.InContent ? 4 : link.InContent ? 2 : 1;
            }
            if (!_frontier.Add(url, entry.Site, depth, priority, kind, relevant, entry.Url, text))
                _frontier.Promote(url, priority, relevant);
        }
    }

    /// <summary>Hands one disclosure to the sink and counts what became of it.</summary>
    private async Task<string> AcceptAsync(FrontierEntry entry, byte[] body, string sha, string extension, CrawlSummary summary,
        CancellationToken cancellation)
    {
        var outcome = await _sink.AcceptAsync(new Disclosure(entry.Url, entry.FoundOn, entry.LinkText, body, sha, extension), cancellation);
        switch (outcome.Outcome)
        {
            case "disclosure" or "disclosure_page": summary.Stored++; break;
            case "disclosure_failed": summary.StoredFailed++; break;
            case "duplicate": summary.Duplicates++; break;
            case "queued": summary.Queued++; break;
        }
        _detail = outcome.Detail;
        return outcome.Outcome;
    }

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
}

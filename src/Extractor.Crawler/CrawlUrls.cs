using System.Text.RegularExpressions;

namespace Extractor.Crawler;

/// <summary>URL normalisation and the crawl's notion of "the same site".</summary>
public static partial class CrawlUrls
{
    /// <summary>
    /// The form URLs are deduplicated by: scheme and host lower-case, default port dropped, fragment dropped,
    /// an empty path as "/", dot segments resolved and percent-encoding canonical (as <see cref="Uri"/> does).
    /// Null for anything but http(s).
    /// </summary>
    public static Uri? Normalize(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")) return null;
        var b = new UriBuilder(url) { Fragment = "", Scheme = url.Scheme.ToLowerInvariant(), Host = url.Host.ToLowerInvariant() };
        if (url.IsDefaultPort) b.Port = -1;
        if (string.IsNullOrEmpty(b.Path)) b.Path = "/";
        if (b.Query == "?") b.Query = "";
        return b.Uri;
    }

    public static Uri? Normalize(string url) => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) ? Normalize(u) : null;

    /// <summary>Resolves an href against its page; null for javascript:, mailto:, tel:, bare fragments and garbage.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (href.StartsWith('#') || SchemeRx().IsMatch(href) && !href.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return null;
        return Uri.TryCreate(page, href, out var abs) ? Normalize(abs) : null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemeRx();

    /// <summary>scheme://host[:port] — the crawl stays on its seed's site.</summary>
    public static string Site(Uri url) => url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}

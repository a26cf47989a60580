using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Extractor.Crawler;

/// <summary>HTTP behaviour shared by the crawler and <see cref="WebFetcher"/>.</summary>
public sealed record HttpSettings
{
    public string UserAgent { get; init; } = $"ExtractorCrawler/{Core.ExtractorInfo.Version} (budget disclosure research)";
    /// <summary>The product token matched against robots.txt User-agent lines.</summary>
    public string RobotsToken { get; init; } = "ExtractorCrawler";
    /// <summary>Each attempt's limit up to the response headers; a timeout is retried like a 5xx.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Whole request: all attempts, the redirects and the body. A server that sends its headers and then trickles the
    /// body (a byte every few seconds) is cut off here, not waited for (<see cref="CrawlHttp.Deadline"/>).
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public int MaxRetries { get; init; } = 3;
    /// <summary>First back-off; doubles on each retry (with jitter). A Retry-After header is obeyed.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;
}

/// <summary>
/// Builds the HttpClient: retries with exponential back-off on 5xx, 408, 429, network errors and per-attempt
/// timeouts through Microsoft.Extensions.Http.Resilience (Polly), never a hand-written loop.
/// </summary>
public static class CrawlHttp
{
    public static HttpClient CreateClient(HttpSettings settings, bool followRedirects)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = settings.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 2,
            UseCookies = true, // some portals set a session cookie on the first page and insist on it after
        };
        var client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = sockets })
        {
            Timeout = settings.TotalTimeout,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/pdf,*/*;q=0.8");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        return client;
    }

    /// <summary>
    /// A token for one whole request (<see cref="HttpSettings.TotalTimeout"/>, body included): HttpClient's own Timeout
    /// stops at the response headers when the body is streamed, so a slow body would otherwise have no limit.
    /// </summary>
    public static CancellationTokenSource Deadline(HttpSettings settings, CancellationToken cancellation)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(settings.TotalTimeout);
        return deadline;
    }

    /// <summary>The body, at most <paramref name="maxBytes"/> (more is an error: a download is never silently cut).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellation)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            throw new HttpRequestException($"response of {declared} bytes exceeds the {maxBytes}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes) throw new HttpRequestException($"response exceeds the {maxBytes}-byte limit");
        }
        return buffer.ToArray();
    }
}

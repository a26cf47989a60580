using System.Security.Cryptography;

namespace Extractor.Crawler;

/// <summary>A downloaded URL in a temporary file (delete it when done: <see cref="Dispose"/>).</summary>
public sealed record FetchedFile(string Path, string? MediaType, Uri FinalUrl, string Sha256, long SizeBytes,
    string? ETag, DateTimeOffset? Date, DateTimeOffset? LastModified, string? FileName) : IDisposable
{
    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Downloads one URL for `extractor extract URL`: redirects followed, 5xx and timeouts retried with back-off
/// (<see cref="CrawlHttp"/>), the body saved to a temporary file named with the extension its Content-Type,
/// Content-Disposition or URL shows (so media-type sniffing can tell .xls from .doc, .html from text), a page
/// whose charset only the HTTP header gives re-encoded as UTF-8 with a BOM. Any non-2xx status is an
/// <see cref="HttpRequestException"/> with the status code.
/// </summary>
public sealed class WebFetcher(HttpSettings? settings = null) : IDisposable
{
    private readonly HttpSettings _settings = settings ?? new HttpSettings();
    private HttpClient? _http;

    public async Task<FetchedFile> DownloadAsync(Uri url, CancellationToken cancellation = default)
    {
        if (url.Scheme is not ("http" or "https")) throw new ArgumentException($"{url}: not an http(s) URL");
        _http ??= CrawlHttp.CreateClient(_settings, followRedirects: true);
        using var deadline = CrawlHttp.Deadline(_settings, cancellation);
        HttpResponseMessage? response = null;
        byte[] body;
        try
        {
            response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            body = await CrawlHttp.ReadBodyAsync(response, _settings.MaxBytes, deadline.Token);
        }
        catch (OperationCanceledException cancelled) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            response?.Dispose();
            throw new HttpRequestException($"no complete response within {_settings.TotalTimeout.TotalSeconds:0} s (headers and body)", cancelled);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
        using var ok = response!;
        var finalUrl = ok.RequestMessage?.RequestUri ?? url;
        var mediaType = ok.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        var disposition = ok.Content.Headers.ContentDisposition;
        var fileName = Attachments.DispositionFileName(disposition);
        var ext = Attachments.ResponseExtension(mediaType, fileName,
                      string.Equals(disposition?.DispositionType, "attachment", StringComparison.OrdinalIgnoreCase), finalUrl)
                  ?? (Attachments.IsHtml(mediaType) ? ".html" : Path.GetExtension(finalUrl.AbsolutePath) is { Length: > 1 and <= 6 } e ? e : ".bin");
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var bytes = ext == ".html" ? Transcode(body, ok.Content.Headers.ContentType?.ToString()) : body;
        var path = Path.Combine(Path.GetTempPath(), $"extractor-fetch-{sha[..16]}-{Guid.NewGuid():N}{ext}");
        await File.WriteAllBytesAsync(path, bytes, cancellation);
        return new FetchedFile(path, mediaType, finalUrl, sha, body.LongLength, ok.Headers.ETag?.ToString(),
            ok.Headers.Date, ok.Content.Headers.LastModified, fileName);
    }

    private static byte[] Transcode(byte[] body, string? contentType)
    {
        var withHeader = Web.HtmlDecoding.Decode(body, contentType);
        if (withHeader.EncodingSource != "http" || Web.HtmlDecoding.Decode(body).Encoding.CodePage == withHeader.Encoding.CodePage) return body;
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(withHeader.Text)];
    }

    public void Dispose() => _http?.Dispose();
}

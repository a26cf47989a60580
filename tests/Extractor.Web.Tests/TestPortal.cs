using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Extractor.TestSupport;

namespace Extractor.Web.Tests;

/// <summary>
/// A government portal served on 127.0.0.1 by HttpListener, from Fixtures/portal (GBK pages whose charset is only in
/// &lt;meta&gt;) and small corpus PDFs: list pages with pagination, detail pages, a redirecting download, a download
/// known only by Content-Type, one only by Content-Disposition, a page failing once with 500, a page too slow the
/// first time, robots.txt Disallow, dead links, and the same PDF under two URLs. Every request is logged.
/// {{SELF}} and {{OFF}} in the pages become this server's and the off-site server's base URLs.
/// </summary>
public sealed class TestPortal : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (byte[] Body, string Type, string? Disposition)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _inFlight;

    public ConcurrentQueue<(string Path, int Status, string? IfNoneMatch)> Log { get; } = new();
    public string Base { get; }
    public TimeSpan SlowFirst { get; init; } = TimeSpan.FromMilliseconds(1500);

    public TestPortal(string? offSite = null, bool portal = true)
    {
        var port = Loopback.FreePort();
        Base = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Base + "/");
        _listener.Start();
        if (portal) LoadPortal(offSite ?? "http://127.0.0.1:9");
        _loop = Task.Run(LoopAsync);
    }

    public static string FixturePath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private void LoadPortal(string offSite)
    {
        byte[] Page(string name) => Replace(File.ReadAllBytes(FixturePath("portal", name)), offSite);
        void Html(string url, string name) => _files[url] = (Page(name), "text/html", null); // charset only in <meta>

        _files["/robots.txt"] = (File.ReadAllBytes(FixturePath("portal", "robots.txt")), "text/plain", null);
        Html("/", "index.html");
        Html("/news/1.html", "news-1.html");
        Html("/zwgk/czyjs/index.html", "list-0.html");
        Html("/zwgk/czyjs/index_1.html", "list-1.html");
        Html("/zwgk/czyjs/2024/jsgk.html", "jsgk-2024.html");
        Html("/zwgk/czyjs/2026/ysgk.html", "ysgk-2026.html");
        Html("/zwgk/czyjs/2020/jxzp.html", "jxzp-2020.html");
        Html("/zwgk/czyjs/2025/ysgk-web.html", "ysgk-web-2025.html");
        Html("/zwgk/czyjs/slow.html", "slow.html");
        var shegongbu = File.ReadAllBytes(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf"));
        _files["/files/shegongbu-2024.pdf"] = (shegongbu, "application/pdf", null);
        _files["/files/mirror/shegongbu-2024.pdf"] = (shegongbu, "application/pdf", null);
        _files["/files/2026/budget.pdf"] = (File.ReadAllBytes(Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf")), "application/pdf", null);
        // Known only by its Content-Type (no extension, no disposition).
        _files["/download?id=7"] = (File.ReadAllBytes(Corpus.Path("dev", "hn-changsha-gzw-2020-perfeval.pdf")), "application/pdf", null);
        // Known only by Content-Disposition: an Excel workbook (OLE header) sent as octet-stream.
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        _files["/getfile?id=8"] = (xls, "application/octet-stream", "attachment; filename=\"gongkaibiao-2024.xls\"");
        // Forbidden by robots.txt: must never be requested.
        _files["/private/secret.html"] = (Encoding.UTF8.GetBytes("<html><body>secret</body></html>"), "text/html", null);
        _files["/private/draft.pdf"] = (shegongbu, "application/pdf", null);
        _files["/private/internal.pdf"] = (shegongbu, "application/pdf", null);
    }

    private byte[] Replace(byte[] bytes, string offSite)
    {
        // The placeholders and URLs are ASCII, so replacing bytes leaves the GBK text around them intact.
        var latin = Encoding.Latin1.GetString(bytes).Replace("{{SELF}}", Base).Replace("{{OFF}}", offSite);
        return Encoding.Latin1.GetBytes(latin);
    }

    /// <summary>
    /// Waits until every request received has been answered or abandoned. A response the client gave up on (the slow
    /// page's first attempt) is still logged when it ends, which may be after the crawl returned: callers that compare
    /// the log before and after a crawl wait here first, so that late entry is not counted against the next crawl.
    /// </summary>
    public void WaitIdle(TimeSpan limit)
    {
        if (!SpinWait.SpinUntil(() => Volatile.Read(ref _inFlight) == 0, limit))
            throw new TimeoutException($"portal still answering {_inFlight} request(s) after {limit.TotalSeconds:0} s");
    }

    public int Hits(string pathAndQuery) => _hits.GetValueOrDefault(pathAndQuery);
    public IReadOnlyDictionary<string, int> AllHits => _hits;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(async () =>
            {
                try { await Serve(context); }
                finally { Interlocked.Decrement(ref _inFlight); }
            });
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var key = request.Url!.PathAndQuery;
        var hit = _hits.AddOrUpdate(key, 1, (_, n) => n + 1);
        var status = 200;
        try
        {
            switch (key)
            {
                case "/zwgk/czyjs/2025/ysgk-web.html" when hit == 1:
                    status = 500;
                    break;
                case "/zwgk/czyjs/slow.html" when hit == 1:
                    await Task.Delay(SlowFirst);
                    break;
                case "/dl/report-2026":
                    status = 302;
                    response.RedirectLocation = "/files/2026/budget.pdf";
                    break;
            }
            if (status == 200 && !_files.ContainsKey(key)) status = 404;
            if (status == 200)
            {
                var (body, type, disposition) = _files[key];
                var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
                response.Headers["ETag"] = etag;
                response.Headers["Last-Modified"] = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc).ToString("R");
                if (request.Headers["If-None-Match"] == etag) status = 304;
                else
                {
                    response.ContentType = type;
                    if (disposition is not null) response.Headers["Content-Disposition"] = disposition;
                    response.StatusCode = 200;
                    response.ContentLength64 = body.Length;
                    await response.OutputStream.WriteAsync(body);
                }
            }
            Log.Enqueue((key, status, request.Headers["If-None-Match"]));
            if (status != 200)
            {
                response.StatusCode = status;
                response.ContentLength64 = 0;
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (the slow page's first attempt): nothing to do.
            Log.Enqueue((key, -1, null));
        }
    }


    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}

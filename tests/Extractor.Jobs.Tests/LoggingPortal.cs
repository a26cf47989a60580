using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Extractor.TestSupport;

namespace Extractor.Jobs.Tests;

/// <summary>One request as the portal saw it: which site (port), what, when it started and ended (Stopwatch time).</summary>
public sealed record PortalRequest(int Port, string Path, long Start, long End)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(Start, End);
}

/// <summary>
/// Several small government portals on 127.0.0.1, one per port (a site each, as the crawler counts sites): a home page
/// linking list pages, each linking detail pages that name a 部门决算 and link its PDF, and robots.txt forbidding
/// /private/. Each answer takes <see cref="Work"/>, so two requests to a site at once would overlap in the log, which
/// records every request's start and end.
/// </summary>
public sealed class LoggingPortal : IDisposable
{
    public const int Lists = 4;
    public const int DetailsPerList = 3;
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public IReadOnlyList<int> Ports { get; }
    public ConcurrentQueue<PortalRequest> Log { get; } = new();
    public TimeSpan Work { get; init; } = TimeSpan.FromMilliseconds(40);

    public LoggingPortal(int sites)
    {
        Ports = Enumerable.Range(0, sites).Select(_ => Loopback.FreePort()).ToList();
        foreach (var port in Ports) _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Base(int port) => $"http://127.0.0.1:{port}";

    /// <summary>URLs a complete crawl of one site fetches: home, lists, details, PDFs (robots.txt apart).</summary>
    public static int PagesPerSite => 1 + Lists + 2 * Lists * DetailsPerList;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var port = context.Request.Url!.Port;
        var path = context.Request.Url.AbsolutePath;
        var response = context.Response;
        try
        {
            await Task.Delay(Work);
            var (status, type, body) = Page(port, path);
            response.StatusCode = status;
            response.ContentType = type;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        finally
        {
            Log.Enqueue(new PortalRequest(port, path, start, Stopwatch.GetTimestamp()));
        }
    }

    private static (int, string, byte[]) Page(int port, string path)
    {
        static byte[] Html(string title, string body) =>
            Encoding.UTF8.GetBytes($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>");
        var parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case ["robots.txt"]:
                return (200, "text/plain", "User-agent: *\nDisallow: /private/\n"u8.ToArray());
            case [""]:
                return (200, "text/html; charset=utf-8", Html("某区人民政府 政府信息公开",
                    string.Concat(Enumerable.Range(1, Lists).Select(i => $"<p><a href=\"/zwgk/list{i}.html\">财政预决算 第{i}页</a></p>"))
                    + "<p><a href=\"/private/draft.html\">内部草稿</a></p>"));
            case ["zwgk", var list] when list.StartsWith("list"):
                var n = list[4..^5];
                return (200, "text/html; charset=utf-8", Html($"财政预决算公开 第{n}页",
                    string.Concat(Enumerable.Range(1, DetailsPerList).Select(j =>
                        $"<li><a href=\"/zwgk/detail-{n}-{j}.html\">某局{2020 + j}年度部门决算</a></li>"))));
            case ["zwgk", var detail] when detail.StartsWith("detail-"):
                var id = detail[7..^5];
                return (200, "text/html; charset=utf-8", Html($"某局{id}部门决算公开",
                    $"<p>附件：<a href=\"/files/{id}.pdf\">某局部门决算{id}.pdf</a></p>"));
            case ["files", var file] when file.EndsWith(".pdf"):
                // Each site's files differ: the port is in the bytes.
                return (200, "application/pdf", Encoding.ASCII.GetBytes($"%PDF-1.4\n% site {port} file {file}\n%%EOF\n"));
            default:
                return (404, "text/plain", []);
        }
    }


    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Jobs;
using Extractor.Store;
using Extractor.Store.Queries;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extractor.Serve.Web;

public sealed record ServeOptions
{
    public required string DbPath { get; init; }
    /// <summary>0 picks a free port (tests); the bound address is in <see cref="ServeApp.Url"/> after start.</summary>
    public int Port { get; init; } = 5080;
    /// <summary>Folder that relative document sources are resolved against (default: the current directory).</summary>
    public string? SourceRoot { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>
/// `extractor serve`: a read-only web app over the store, bound to 127.0.0.1 only. JSON API under /api, the static
/// pages (and pdf.js, bundled from npm) embedded in this assembly under wwwroot/. The browser renders a document's
/// source page with pdf.js and draws the fact's bbox over it. A source file is served only for a stored document,
/// only when the file at its recorded path still hashes to the stored sha256. On a PostgreSQL store, Hangfire's own
/// dashboard (queued, running, failed with reason, retried; a failed job can be retried from it) is at
/// <see cref="JobsPath"/>, and /api/jobs gives the counts `extractor status` prints.
/// </summary>
public sealed class ServeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServeApp(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>Where Hangfire's dashboard is served (PostgreSQL stores only).</summary>
    public const string JobsPath = "/jobs";

    public static async Task<ServeApp> StartAsync(ServeOptions options, CancellationToken cancellation = default)
    {
        // Fail early with the store's one-line message when the file is not a store.
        StoreLocation location;
        using (var store = ExtractorStore.Open(options.DbPath, create: false)) location = store.Location;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeApp).Assembly.GetName().Name });
        var jobs = location.IsPostgres ? JobSetup.Storage(location) : null;
        if (jobs is not null) builder.Services.AddHangfire(c => c.UseStorage(jobs));
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        });
        var app = builder.Build();
        if (jobs is not null)
            // The dashboard's own check admits local requests only; serve listens on 127.0.0.1 alone anyway.
            app.UseHangfireDashboard(JobsPath, new DashboardOptions { AppPath = "/", DashboardTitle = "Extractor jobs" }, jobs);
        Map(app, options, location);
        await app.StartAsync(cancellation);
        return new ServeApp(app);
    }

    /// <summary>Completes when the app stops: Ctrl+C or SIGTERM (the host's console lifetime handles both).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) =>
        HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, ServeOptions options, StoreLocation location)
    {
        var db = options.DbPath;
        var root = Path.GetFullPath(options.SourceRoot ?? Directory.GetCurrentDirectory());
        var verified = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // sha256 → verified local path

        // One connection per request: SQLite in WAL mode, readers never block an ingest writing the same file.
        ExtractorStore Open() => ExtractorStore.Open(db, create: false);

        app.MapGet("/api/documents", () =>
        {
            using var store = Open();
            return Results.Ok(store.Documents().ToList());
        });

        app.MapGet("/api/documents/{sha256}", (string sha256) =>
        {
            using var store = Open();
            var detail = store.Detail(sha256);
            if (detail is null) return Results.NotFound(new { error = $"no document {sha256}" });
            var file = LocalSource(detail.Document, root, verified, out var why);
            return Results.Ok(new
            {
                detail.Document, detail.SizeBytes, Warnings = detail.Warnings is null ? (JsonElement?)null : JsonDocument.Parse(detail.Warnings).RootElement.Clone(),
                detail.Sections, detail.Tables, detail.Facts, detail.Checks,
                Viewer = new { Available = file is not null, Reason = why, Url = file is null ? null : $"/api/documents/{sha256}/file" },
            });
        });

        app.MapGet("/api/documents/{sha256}/file", (string sha256) =>
        {
            using var store = Open();
            var doc = store.Document(sha256);
            if (doc is null) return Results.NotFound();
            var file = LocalSource(doc, root, verified, out var why);
            return file is null
                ? Results.NotFound(new { error = why })
                : Results.File(file, doc.MediaType ?? "application/pdf", enableRangeProcessing: true);
        });

        app.MapGet("/api/keys", () =>
        {
            using var store = Open();
            return Results.Ok(store.FactKeys());
        });

        app.MapGet("/api/compare", (string key, int? year, string? agency) =>
        {
            if (string.IsNullOrWhiteSpace(key)) return Results.BadRequest(new { error = "key is required" });
            using var store = Open();
            return Results.Ok(store.Compare(key, year, agency).Select(c => new
            {
                c.Sha256, c.Agency, c.FiscalYear, c.Kind, c.Scope, c.Key, c.Value, c.Unit, c.Page, c.PriorValue,
                c.PriorSource, c.Change, c.ChangePercent,
            }));
        });

        // The job queue beside the documents: null on a SQLite store (no jobs there).
        app.MapGet("/api/jobs", () =>
        {
            if (!location.IsPostgres) return Results.Ok(new { Enabled = false });
            var s = JobStatus.Read(location);
            return Results.Ok(new
            {
                Enabled = true, Dashboard = JobsPath, s.Enqueued, s.Processing, s.Scheduled, s.Succeeded, s.Failed, s.Servers,
                s.Queues, s.RecentFailures, Extracting = s.Claims.Count,
            });
        });

        app.MapGet("/api/{**rest}", () => Results.NotFound(new { error = "no such endpoint" }));
        app.MapGet("/{**path}", (string? path) => EmbeddedAsset(path));
    }

    /// <summary>The document's source as a local file, when it exists and still has the stored bytes; else null and why.</summary>
    private static string? LocalSource(DocumentRecord doc, string root, ConcurrentDictionary<string, string> verified, out string? why)
    {
        why = null;
        if (verified.TryGetValue(doc.Sha256, out var known) && File.Exists(known)) return known;
        if (doc.MediaType is not null && doc.MediaType != "application/pdf")
        {
            why = $"the source is {doc.MediaType}, not a PDF: provenance is a path in the page, not a bbox";
            return null;
        }
        if (Uri.TryCreate(doc.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            why = "the source is a URL; serve reads local files only (ingest a downloaded copy)";
            return null;
        }
        var path = Path.IsPathRooted(doc.Source) ? doc.Source : Path.Combine(root, doc.Source);
        if (!File.Exists(path))
        {
            why = $"source file not found: {doc.Source} (start serve from the folder ingest ran in, or pass --source-root)";
            return null;
        }
        using (var fs = File.OpenRead(path))
            if (!Convert.ToHexStringLower(SHA256.HashData(fs)).Equals(doc.Sha256, StringComparison.Ordinal))
            {
                why = $"{doc.Source} has changed since it was ingested (sha256 differs)";
                return null;
            }
        verified[doc.Sha256] = path;
        return path;
    }

    private static readonly Assembly Assets = typeof(ServeApp).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = NewContentTypes();

    private static FileExtensionContentTypeProvider NewContentTypes()
    {
        var p = new FileExtensionContentTypeProvider();
        p.Mappings[".mjs"] = "text/javascript";
        p.Mappings[".bcmap"] = "application/octet-stream";
        p.Mappings[".pfb"] = "application/octet-stream";
        p.Mappings[".wasm"] = "application/wasm";
        p.Mappings[".icc"] = "application/octet-stream";
        return p;
    }

    private static IResult EmbeddedAsset(string? path)
    {
        path = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (path.Contains("..", StringComparison.Ordinal)) return Results.NotFound();
        var stream = Assets.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null) return Results.NotFound();
        if (!ContentTypes.TryGetContentType(path, out var type)) type = "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("charset")) type += "; charset=utf-8";
        return Results.Stream(stream, type);
    }
}

using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extractor.Jobs;
using Extractor.Core.Schema;
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
    /// <summary>A PostgreSQL store's shared folder of downloads (the workers' --files; default extractor-files). A SQLite
    /// store's are beside it (STORE.files).</summary>
    public string? FilesDirectory { get; init; }
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>
/// `extractor serve`: a read-only web app over the store, bound to 127.0.0.1 only. JSON API under /api, the static
/// pages (and pdf.js, bundled from npm) embedded in this assembly under wwwroot/. The browser renders a document's
/// source page with pdf.js and draws the fact's bbox over it. A source file is served only for a stored document,
/// only from under the source root, and only as the copy this server made while checking it hashes to the stored
/// sha256 (<see cref="SourceFiles"/>). On a PostgreSQL store, Hangfire's own dashboard (queued, running, failed with
/// reason, retried; a failed job can be retried from it) is at <see cref="JobsPath"/>, and /api/jobs gives the counts
/// `extractor status` prints.
/// </summary>
public sealed class ServeApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SourceFiles _files;

    private ServeApp(WebApplication app, SourceFiles files) => (_app, _files) = (app, files);

    public string Url => _app.Urls.First();

    /// <summary>Where Hangfire's dashboard is served (PostgreSQL stores only).</summary>
    public const string JobsPath = "/jobs";

    public static async Task<ServeApp> StartAsync(ServeOptions options, CancellationToken cancellation = default)
    {
        // Fail early with the store's one-line message when the file is not a store.
        StoreLocation location;
        using (var store = ExtractorStore.OpenReadOnly(options.DbPath)) location = store.Location;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeApp).Assembly.GetName().Name });
        var jobs = location.IsPostgres ? JobSetup.Storage(location, create: false) : null;
        if (jobs is not null) builder.Services.AddHangfire(c => c.UseStorage(jobs));
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // A failed start (a busy port) is thrown to the caller, which says it in one line; the host's own copy of it is a
        // 30-line stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
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
        // Crawled documents are kept beside a SQLite store; a PostgreSQL store's workers keep them in their --files folder.
        var kept = new KeptFiles(location.KeptFilesFolder ?? options.FilesDirectory ?? KeptFiles.WorkersDefault);
        var files = new SourceFiles(options.SourceRoot ?? Directory.GetCurrentDirectory(), kept);
        Map(app, options, files, location);
        await app.StartAsync(cancellation);
        return new ServeApp(app, files);
    }

    /// <summary>Completes when the app stops: Ctrl+C or SIGTERM (the host's console lifetime handles both).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) =>
        HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _files.Dispose();
    }

    private static void Map(WebApplication app, ServeOptions options, SourceFiles files, StoreLocation location)
    {
        var db = options.DbPath;

        // One connection per request: SQLite in WAL mode, readers never block an ingest writing the same file.
        ExtractorStore Open() => ExtractorStore.OpenReadOnly(db);

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
            var file = files.Local(detail.Document, out var why);
            return Results.Ok(new
            {
                detail.Document, detail.SizeBytes, Warnings = detail.Warnings is null ? (JsonElement?)null : JsonDocument.Parse(detail.Warnings).RootElement.Clone(),
                detail.Sections, detail.Tables, detail.Facts, detail.Checks,
                Viewer = new
                {
                    Available = file is not null, Reason = why, Url = file is null ? null : $"/api/documents/{sha256}/file",
                    // A PDF is drawn by pdf.js with the figure's box; a web page is shown as saved, its element highlighted.
                    Kind = file is null ? null : IsHtml(detail.Document) ? "html" : "pdf",
                },
            });
        });

        app.MapGet("/api/documents/{sha256}/file", (string sha256, HttpContext http) =>
        {
            using var store = Open();
            var doc = store.Document(sha256);
            if (doc is null) return Results.NotFound();
            var file = files.Local(doc, out var why);
            if (file is null) return Results.NotFound(new { error = why });
            if (!IsHtml(doc)) return Results.File(file, doc.MediaType ?? "application/pdf", enableRangeProcessing: true);
            // A saved web page is shown inert: no script of its own runs, nothing is fetched from anywhere.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-same-origin";
            return Results.File(file, "text/html");
        });

        // Every stored table (not its rows) and every stored fact, for the browsing lists; filtered in the browser.
        app.MapGet("/api/tables", () =>
        {
            using var store = Open();
            return Results.Ok(store.TableList());
        });

        app.MapGet("/api/facts", (string? key, int? year, string? agency, int? limit) =>
        {
            using var store = Open();
            var max = Math.Clamp(limit ?? 20_000, 1, 200_000);
            var facts = store.Facts(new FactFilter(string.IsNullOrEmpty(key) ? null : key, year, string.IsNullOrEmpty(agency) ? null : agency)).Take(max + 1).ToList();
            return Results.Ok(new { Truncated = facts.Count > max, Facts = facts.Take(max) });
        });

        app.MapGet("/api/keys", () =>
        {
            using var store = Open();
            var kinds = store.KeyKinds();
            // Chinese names and units from the contract (docs/schema.md), documents per kind from the store.
            return Results.Ok(store.FactKeys().Select(k =>
            {
                var entry = SchemaCatalog.Key(k.Key);
                var suffix = k.Key.EndsWith(".budget", StringComparison.Ordinal) ? "（预算数）" : k.Key.EndsWith(".prior_year", StringComparison.Ordinal) ? "（上年数）" : "";
                return new
                {
                    k.Key, Name = entry is null ? null : entry.Name + suffix, entry?.Unit, k.Documents,
                    Kinds = kinds.GetValueOrDefault(k.Key) ?? new Dictionary<string, long>(),
                };
            }));
        });

        app.MapGet("/api/compare", (string key, int? year, string? agency, string? kind, string? scope, string? sort) =>
        {
            if (string.IsNullOrWhiteSpace(key)) return Results.BadRequest(new { error = "key is required" });
            var order = sort is null ? CompareSort.Value : Enum.TryParse<CompareSort>(sort, true, out var s) ? s : (CompareSort?)null;
            if (order is null) return Results.BadRequest(new { error = "sort is value, agency or change" });
            using var store = Open();
            var query = new CompareQuery(key, year, string.IsNullOrEmpty(agency) ? null : agency, string.IsNullOrEmpty(kind) ? null : kind,
                string.IsNullOrEmpty(scope) ? null : scope, order.Value);
            var rows = store.Compare(query);
            var entry = SchemaCatalog.Key(key);
            return Results.Ok(new
            {
                Key = key, Name = entry?.Name, Unit = entry?.Unit ?? rows.FirstOrDefault()?.Unit,
                Why = rows.Count == 0 ? Compare.CompareOutput.WhyEmpty(query, store.Holdings(key)) : null,
                Rows = rows.Select(c => new
                {
                    c.Sha256, c.Agency, c.FiscalYear, c.Kind, c.Scope, c.Key, c.Value, c.Unit, c.Page, c.PriorValue,
                    c.PriorSource, c.Change, c.ChangePercent,
                }),
            });
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

    private static bool IsHtml(DocumentRecord doc) => doc.MediaType is "text/html";

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

using System.Net;
using System.Text.Json;
using Extractor.Serve.Web;
using Extractor.Store;
using Extractor.TestSupport;

namespace Extractor.Serve.Tests;

/// <summary>`extractor serve` on a PostgreSQL store: the same API, and Hangfire's dashboard beside the documents.</summary>
public sealed class ServeOnPostgresTests : ServedSamples
{
    protected override string NewStore() => PostgresServer.Instance.NewDatabase("serve");

    [Fact]
    public async Task Documents_facts_and_comparisons_come_from_postgres()
    {
        Assert.StartsWith("http://127.0.0.1:", App!.Url);
        Assert.Equal(7, (await Get("/api/documents")).GetArrayLength());
        var d = await Get($"/api/documents/{Samples.Sha(2)}");
        Assert.Equal(1.20m, d.GetProperty("facts")[0].GetProperty("value").GetDecimal());
        Assert.Equal(0.000001m, d.GetProperty("tables")[0].GetProperty("rows")[1].GetProperty("values").GetProperty("决算数").GetDecimal());
        var rows = (await Get("/api/compare?key=three_public.total&year=2024")).GetProperty("rows");
        Assert.Equal(4, rows.GetArrayLength());
        Assert.Equal(-20.00m, rows.EnumerateArray().Single(r => r.GetProperty("agency").GetString() == "上海市普陀区司法局").GetProperty("change_percent").GetDecimal());
    }

    [Fact]
    public async Task The_job_dashboard_and_its_counts_are_beside_the_documents()
    {
        var jobs = await Get("/api/jobs");
        Assert.True(jobs.GetProperty("enabled").GetBoolean());
        Assert.Equal("/jobs", jobs.GetProperty("dashboard").GetString());
        Assert.Equal(0, jobs.GetProperty("failed").GetInt64());
        Assert.Equal(["extract", "ocr", "crawl"], jobs.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("queue").GetString()));

        var dashboard = await Http.GetAsync(ServeApp.JobsPath);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Extractor jobs", html);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(ServeApp.JobsPath + "/jobs/failed")).StatusCode);
        Assert.Contains("id=\"jobs\"", await Http.GetStringAsync("/"));
    }
}

/// <summary>On a SQLite store there is no job queue: /api/jobs says so and no dashboard is mounted.</summary>
public sealed class ServeWithoutJobsTests : ServedSamples
{
    protected override string NewStore() => Dir.File("s.db");

    [Fact]
    public async Task A_sqlite_store_has_no_job_queue()
    {
        var jobs = JsonDocument.Parse(await Http.GetStringAsync("/api/jobs")).RootElement;
        Assert.False(jobs.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(ServeApp.JobsPath)).StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using Extractor.Serve.Web;
using Extractor.Store;

namespace Extractor.Serve.Tests;

/// <summary>The web app's API over a synthetic store, on a free loopback port.</summary>
public sealed class ServeApiTests : ServedSamples
{
    protected override string NewStore() => Dir.File("s.db");

    [Fact]
    public void ListensOnLoopbackOnly() => Assert.StartsWith("http://127.0.0.1:", App!.Url);

    [Fact]
    public async Task ListsDocuments()
    {
        var docs = await Get("/api/documents");
        Assert.Equal(7, docs.GetArrayLength());
        Assert.Contains(docs.EnumerateArray(), d => d.GetProperty("status").GetString() == "failed" && d.GetProperty("error_reason").GetString() == "truncated");
    }

    [Fact]
    public async Task OpensADocumentWithTablesFactsAndChecks()
    {
        var d = await Get($"/api/documents/{Samples.Sha(2)}");
        Assert.Equal("上海市普陀区司法局", d.GetProperty("document").GetProperty("agency").GetString());
        var fact = d.GetProperty("facts")[0];
        Assert.Equal("three_public.total", fact.GetProperty("key").GetString());
        Assert.Equal(1.20m, fact.GetProperty("value").GetDecimal());
        Assert.Equal(4, fact.GetProperty("bbox").GetArrayLength());
        Assert.Equal(2, fact.GetProperty("page").GetInt32());
        var table = d.GetProperty("tables")[0];
        Assert.Equal("final.t07_three_public", table.GetProperty("id").GetString());
        Assert.Equal(2.00m, table.GetProperty("rows")[0].GetProperty("values").GetProperty("预算数").GetDecimal());
        Assert.Contains(d.GetProperty("checks").EnumerateArray(), c => c.GetProperty("status").GetString() == "fail");
        // No file at the recorded source: the page view says why instead of failing.
        Assert.False(d.GetProperty("viewer").GetProperty("available").GetBoolean());
        Assert.Contains("not found", d.GetProperty("viewer").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ServesTheSourceFileOnlyWhenItStillHasTheStoredBytes()
    {
        File.WriteAllText(Dir.File($"{Samples.Sha(1)}.pdf"), "%PDF-1.4 not the stored bytes");
        var d = await Get($"/api/documents/{Samples.Sha(1)}");
        Assert.Contains("changed", d.GetProperty("viewer").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/documents/{Samples.Sha(1)}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/documents/nope")).StatusCode);
    }

    [Fact]
    public async Task ComparesAgenciesForAKey()
    {
        var keys = await Get("/api/keys");
        Assert.Equal("three_public.total", keys[0].GetProperty("key").GetString());
        Assert.Equal("“三公”经费合计", keys[0].GetProperty("name").GetString());
        Assert.Equal(4, keys[0].GetProperty("kinds").GetProperty("final_account").GetInt32());
        var answer = await Get("/api/compare?key=three_public.total&year=2024");
        Assert.Equal("万元", answer.GetProperty("unit").GetString());
        var rows = answer.GetProperty("rows");
        Assert.Equal(4, rows.GetArrayLength());
        Assert.Equal(3, (await Get("/api/compare?key=three_public.total&year=2024&kind=final_account")).GetProperty("rows").GetArrayLength());
        Assert.Contains("It is held by", (await Get("/api/compare?key=three_public.total&year=2030")).GetProperty("why").GetString());
        var a = rows.EnumerateArray().Single(r => r.GetProperty("agency").GetString() == "上海市普陀区司法局");
        Assert.Equal(-20.00m, a.GetProperty("change_percent").GetDecimal());
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/pdfjs/pdf.min.mjs", "text/javascript")]
    [InlineData("/pdfjs/pdf.worker.min.mjs", "text/javascript")]
    [InlineData("/pdfjs/cmaps/UniGB-UCS2-H.bcmap", "application/octet-stream")]
    public async Task ServesTheBundledPagesAndPdfJs(string path, string type)
    {
        var r = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(type, r.Content.Headers.ContentType?.MediaType);
        Assert.True((await r.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Theory]
    [InlineData("/../s.db")]
    [InlineData("/nothing.js")]
    [InlineData("/api/nothing")]
    public async Task UnknownPathsAreNotFound(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(path)).StatusCode);
}

using System.Net;
using System.Security.Cryptography;
using Extractor.Serve.Web;
using Extractor.Store;

namespace Extractor.Serve.Tests;

/// <summary>
/// Issue 18, item 4: serve checked a source file once and then served whatever was at that path — replaced by a
/// symbolic link to /etc/passwd, /api/documents/SHA/file returned it as application/pdf. Now only a regular file under
/// the source root, reached without a link out of it, is read, hashed while it is copied into the server's own
/// content-addressed folder, and the copy is what is served.
/// </summary>
public sealed class ServeSourceFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private string Store(params (string Source, byte[] Bytes)[] documents)
    {
        var db = _dir.File("s.db");
        using var store = ExtractorStore.Open(db);
        foreach (var (source, bytes) in documents)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            store.SaveReport(sha, new DocumentOrigin(source), Samples.Report(sha, "某局", 2024, "final_account"));
        }
        return db;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_source_replaced_by_a_link_out_of_the_root_is_never_served()
    {
        var root = Directory.CreateDirectory(_dir.File("root")).FullName;
        File.WriteAllBytes(Path.Combine(root, "report.pdf"), Pdf);
        var db = Store(("report.pdf", Pdf));
        await using (var app = await ServeApp.StartAsync(new ServeOptions { DbPath = db, Port = 0, SourceRoot = root }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Url) };
            var first = await http.GetAsync($"/api/documents/{Sha(Pdf)}/file");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(Pdf, await first.Content.ReadAsByteArrayAsync());

            // The verified file is swapped for a link to a system file: the stored document's bytes, or nothing.
            File.Delete(Path.Combine(root, "report.pdf"));
            File.CreateSymbolicLink(Path.Combine(root, "report.pdf"), "/etc/passwd");
            var again = await http.GetAsync($"/api/documents/{Sha(Pdf)}/file");
            var body = await again.Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain("root:", System.Text.Encoding.Latin1.GetString(body));
            if (again.StatusCode == HttpStatusCode.OK) Assert.Equal(Pdf, body);
        }

        // A server that never saw the file: the link is refused outright.
        await using (var fresh = await ServeApp.StartAsync(new ServeOptions { DbPath = db, Port = 0, SourceRoot = root }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(fresh.Url) };
            var r = await http.GetAsync($"/api/documents/{Sha(Pdf)}/file");
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.DoesNotContain("root:", await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_source_outside_the_root_is_not_served_even_with_the_stored_bytes()
    {
        var root = Directory.CreateDirectory(_dir.File("root")).FullName;
        var outside = Directory.CreateDirectory(_dir.File("elsewhere")).FullName;
        var elsewhere = Path.Combine(outside, "other.pdf");
        var other = Pdf.Concat("% another\n"u8.ToArray()).ToArray();
        File.WriteAllBytes(elsewhere, other);
        var third = Pdf.Concat("% a third\n"u8.ToArray()).ToArray();
        var linked = Path.Combine(outside, "third.pdf");
        File.WriteAllBytes(linked, third);
        // An absolute source outside the root, and a link inside the root to a file outside it.
        File.CreateSymbolicLink(Path.Combine(root, "link.pdf"), linked);
        var db = Store((elsewhere, other), ("link.pdf", third));
        await using var app = await ServeApp.StartAsync(new ServeOptions { DbPath = db, Port = 0, SourceRoot = root });
        using var http = new HttpClient { BaseAddress = new Uri(app.Url) };
        foreach (var bytes in new[] { other, third })
        {
            var r = await http.GetAsync($"/api/documents/{Sha(bytes)}/file");
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("outside the source root", await r.Content.ReadAsStringAsync());
        }
    }
}

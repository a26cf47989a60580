using System.Diagnostics;
using Extractor.Core.Report;
using Extractor.Store;
using Extractor.Store.Ingest;

namespace Extractor.Crawler;

/// <summary>A disclosure the crawler downloaded: its bytes, their sha256, where it was found, the extension to read it by.</summary>
public sealed record Disclosure(string Url, string? FoundOn, string? LinkText, byte[] Body, string Sha256, string Extension);

/// <summary>
/// What became of a disclosure: disclosure or disclosure_page (stored), disclosure_failed (stored as failed with its
/// reason), duplicate (the content is stored already) or queued (handed to a job queue to extract); with a detail for
/// progress output.
/// </summary>
public sealed record DisclosureOutcome(string Outcome, string? Detail = null);

/// <summary>Where the crawler puts each disclosure it downloads: extracted here and now, or queued for a worker.</summary>
public interface IDisclosureSink
{
    Task<DisclosureOutcome> AcceptAsync(Disclosure disclosure, CancellationToken cancellation);
}

/// <summary>
/// Extracts each disclosure into the store in this process (the path `ingest` takes: extraction under the time limit,
/// then SaveReport or SaveFailure with the reason), unless its content is stored already.
/// </summary>
public sealed class ExtractingSink(ExtractorStore store, Func<string, CancellationToken, Report> extract, CrawlOptions options) : IDisclosureSink
{
    public async Task<DisclosureOutcome> AcceptAsync(Disclosure d, CancellationToken cancellation)
    {
        var stored = store.Find(d.Sha256);
        if (stored is not null && (stored.Status == "ok" || stored.ExtractorVersion == options.ExtractorVersion))
            return new DisclosureOutcome("duplicate", $"same content as a stored document ({d.Sha256[..12]}…)");

        var dir = options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"extractor-crawl-{d.Sha256[..16]}-{Environment.ProcessId}{d.Extension}");
        // Kept under its content's name next to the store: serve opens it like a local file (extraction reads the
        // download as before; the kept copy is the bytes as served, whose sha256 the document has).
        if (options.KeepDirectory is { } keep) new KeptFiles(keep).Put(d.Sha256, d.Extension, d.Body);
        var origin = new DocumentOrigin(d.Url, d.FoundOn, d.LinkText, d.Body.LongLength);
        var clock = Stopwatch.StartNew();
        try
        {
            await File.WriteAllBytesAsync(path, d.Body, cancellation);
            // (A crawl interrupted mid-extraction stores nothing for this URL: it stays pending and is done on resume.)
            var outcome = await TimedExtraction.RunAsync(extract, path, options.DocumentTimeout, TimeSpan.FromSeconds(5), cancellation);
            if (outcome.Report is { } report)
            {
                try
                {
                    store.SaveReport(d.Sha256, origin, report, clock.Elapsed);
                    return new DisclosureOutcome(d.Extension == ".html" ? "disclosure_page" : "disclosure",
                        $"{report.Document.Kind} {report.Document.Agency} {report.Document.FiscalYear}");
                }
                catch (Exception e) when (e is not StoreException)
                {
                    // The report could not be written (a bug in its data, say): the transaction rolled back; keep a failed row.
                    outcome = new ExtractionOutcome(null, "store_error", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }
            store.SaveFailure(d.Sha256, origin, outcome.Reason!, outcome.Message!, options.ExtractorVersion, MediaTypes.OfExtension(d.Extension), clock.Elapsed);
            return new DisclosureOutcome("disclosure_failed", $"{outcome.Reason}: {outcome.Message}");
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>The media type a downloaded file's extension stands for (stored with a document that failed to read).</summary>
public static class MediaTypes
{
    public static string? OfExtension(string extension) => extension switch
    {
        ".pdf" => "application/pdf",
        ".html" => "text/html",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".zip" => "application/zip",
        ".wps" => "application/vnd.ms-works",
        _ => null,
    };
}

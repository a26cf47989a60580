using System.CommandLine;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Crawler;
using Extractor.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>`extractor extract FILE --format json`: one document → the JSON of SCHEMA §1 on stdout.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a file (PDF, scan, web page, text, Word, Excel) or an http(s) URL" };
        var format = new Option<string>("--format") { Description = "json: one object, docs/schema.md §1 (extractor schema lists its ids)", DefaultValueFactory = _ => "json" }
            .AcceptOnlyFromAmong("json");
        var timeout = IngestCommand.TimeoutOption();
        var maxPages = IngestCommand.MaxPagesOption();
        var ocr = OcrOption.Create();
        var timings = new Option<bool>("--timings")
        {
            Description = "print each stage's wall-clock and CPU milliseconds on stderr (`timing STAGE WALL_MS CPU_MS`)",
        };
        var cmd = new Command("extract", "Extract one document and print its report as JSON (docs/schema.md §1; `extractor schema` lists the ids).") { file, format, timeout, maxPages, ocr, timings };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            return CliErrors.Run(path, () =>
            {
                // One document: the limit is the longest pause without progress, so a long scan that keeps reading pages
                // is not stopped for its length (a batch instead gives each page to OCR its share of time).
                var settings = IngestCommand.Settings(r.GetValue(timeout), r.GetValue(maxPages), r.GetValue(ocr)) with { ParallelPages = true, RestartOnProgress = true };
                Action<string, TimeSpan, TimeSpan>? timed = r.GetValue(timings)
                    ? (stage, wall, cpu) => Console.Error.WriteLine(FormattableString.Invariant(
                        $"timing {stage.Replace(' ', '_')} {wall.TotalMilliseconds:0.0} {cpu.TotalMilliseconds:0.0}"))
                    : null;
                var setup = System.Diagnostics.Stopwatch.GetTimestamp();
                var setupCpu = Environment.CpuUsage.TotalTime;
                var extractor = new ReportExtractor(settings) { Timed = timed };
                timed?.Invoke("setup", System.Diagnostics.Stopwatch.GetElapsedTime(setup), Environment.CpuUsage.TotalTime - setupCpu);
                // The extractor stops itself at the limit; the wait is for a stage that does not listen, and follows the
                // deadline as progress moves it.
                using var deadline = new Deadline(settings.PerDocumentTimeout, restartOnProgress: true);
                var work = Task.Run(() => ExtractFileOrUrl(extractor, path, deadline));
                if (!deadline.WaitAsync(work, TimeSpan.FromSeconds(5), CancellationToken.None).GetAwaiter().GetResult())
                    throw new ExtractionException("timeout", ReportExtractor.TimedOut(deadline));
                var report = work.GetAwaiter().GetResult();
                using var stdout = Output.Stdout();
                stdout.WriteLine(ReportJson.Serialize(report));
                return 0;
            });
        });
        return cmd;
    }

    /// <summary>A URL is downloaded (with retries) to a temporary file and read like a file; its source stays the URL.</summary>
    private static Report ExtractFileOrUrl(ReportExtractor extractor, string path, Deadline deadline)
    {
        if (!Uri.TryCreate(path, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return extractor.Extract(path, null, deadline);
        using var fetcher = new WebFetcher();
        FetchedFile fetched;
        try
        {
            fetched = fetcher.DownloadAsync(url).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new ExtractionException("download_failed", e.StatusCode is { } code ? $"HTTP {(int)code}" : e.Message);
        }
        deadline.Progress(); // the download is done: the document's own time starts
        using (fetched) return extractor.Extract(fetched.Path, url.ToString(), deadline);
    }
}

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
                var settings = IngestCommand.Settings(r.GetValue(timeout), r.GetValue(maxPages), r.GetValue(ocr)) with { ParallelPages = true };
                Action<string, TimeSpan, TimeSpan>? timed = r.GetValue(timings)
                    ? (stage, wall, cpu) => Console.Error.WriteLine(FormattableString.Invariant(
                        $"timing {stage.Replace(' ', '_')} {wall.TotalMilliseconds:0.0} {cpu.TotalMilliseconds:0.0}"))
                    : null;
                var setup = System.Diagnostics.Stopwatch.GetTimestamp();
                var setupCpu = Environment.CpuUsage.TotalTime;
                var extractor = new ReportExtractor(settings) { Timed = timed };
                timed?.Invoke("setup", System.Diagnostics.Stopwatch.GetElapsedTime(setup), Environment.CpuUsage.TotalTime - setupCpu);
                Report report;
                try
                {
                    // The extractor stops itself at the limit; this is for a stage that does not listen.
                    report = Task.Run(() => ExtractFileOrUrl(extractor, path))
                        .WaitAsync(settings.PerDocumentTimeout + TimeSpan.FromSeconds(5))
                        .GetAwaiter().GetResult();
                }
                catch (TimeoutException)
                {
                    throw new ExtractionException("timeout", $"took longer than the per-document limit of {settings.PerDocumentTimeout.TotalSeconds:0} s");
                }
                using var stdout = Output.Stdout();
                stdout.WriteLine(ReportJson.Serialize(report));
                return 0;
            });
        });
        return cmd;
    }

    /// <summary>A URL is downloaded (with retries) to a temporary file and read like a file; its source stays the URL.</summary>
    private static Report ExtractFileOrUrl(ReportExtractor extractor, string path)
    {
        if (!Uri.TryCreate(path, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return extractor.Extract(path);
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
        using (fetched) return extractor.Extract(fetched.Path, url.ToString());
    }
}

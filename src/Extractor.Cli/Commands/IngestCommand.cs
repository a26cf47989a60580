using System.CommandLine;
using System.Globalization;
using Extractor.Core;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Pipeline;
using Extractor.Store;
using Extractor.Store.Ingest;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor ingest PATH... --db FILE [--workers N] [--timeout-s S] [--max-pages N] [--retry-failed]`:
/// files and folders (recursively) into the store. Progress and one line per failed document on stderr, a summary
/// on stdout. Exit 0 even when documents failed (they are stored as failed with their reason); 1 when the store
/// cannot be opened, 2 when no input exists, 130 when interrupted (run again to resume).
/// </summary>
public static class IngestCommand
{
    public static Option<int> TimeoutOption() => new Option<int>("--timeout-s")
    {
        Description = "per-document time limit in seconds", HelpName = "S",
        DefaultValueFactory = _ => (int)new ExtractionSettings().PerDocumentTimeout.TotalSeconds,
    }.InRange(1, OptionRanges.MaxTimeoutSeconds);

    public static Option<int> MaxPagesOption() => new Option<int>("--max-pages")
    {
        Description = "documents with more pages fail with too_many_pages", HelpName = "N",
        DefaultValueFactory = _ => new ExtractionSettings().MaxPages,
    }.InRange(1, 1_000_000);

    public static ExtractionSettings Settings(int timeoutSeconds, int maxPages, string? ocr = null)
    {
        if (timeoutSeconds is <= 0 or > OptionRanges.MaxTimeoutSeconds) throw new ArgumentException($"--timeout-s must be from 1 to {OptionRanges.MaxTimeoutSeconds}");
        if (maxPages <= 0) throw new ArgumentException("--max-pages must be positive");
        return new ExtractionSettings { PerDocumentTimeout = TimeSpan.FromSeconds(timeoutSeconds), MaxPages = maxPages, Ocr = Extractor.Ocr.OcrEngines.Parse(ocr) };
    }

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "files or folders (searched recursively for .pdf .html .htm .txt .docx .xlsx .doc .xls)", Arity = ArgumentArity.OneOrMore };
        var db = StoreCli.DbOption("the store (created if absent): " + StoreCli.DbHelp);
        var workers = new Option<int>("--workers") { Description = "documents extracted in parallel (default: number of cores)", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount }
            .InRange(1, 256);
        var timeout = TimeoutOption();
        var maxPages = MaxPagesOption();
        var ocr = OcrOption.Create();
        var retry = new Option<bool>("--retry-failed") { Description = "re-extract documents stored as failed (by default they are retried only after an extractor upgrade)" };
        var cmd = new Command("ingest", "Extract files and folders into the store (SQLite or PostgreSQL) in this process; documents already stored (same sha256) are skipped.")
            { paths, db, workers, timeout, maxPages, ocr, retry };
        cmd.SetAction(r =>
        {
            var dbPath = r.GetValue(db)!;
            return StoreCli.Run(dbPath, () => Run(r.GetValue(paths)!, dbPath, r.GetValue(workers), r.GetValue(timeout), r.GetValue(maxPages), r.GetValue(ocr), r.GetValue(retry)));
        });
        return cmd;
    }

    private static int Run(string[] paths, string dbPath, int workers, int timeoutSeconds, int maxPages, string? ocr, bool retryFailed)
    {
        if (workers <= 0) throw new ArgumentException("--workers must be positive");
        var settings = Settings(timeoutSeconds, maxPages, ocr);
        if (!paths.Any(p => File.Exists(p) || Directory.Exists(p)))
        {
            foreach (var p in paths) Console.Error.WriteLine($"{p}: missing: file not found");
            Console.Error.WriteLine("ingest: no input exists");
            return CliErrors.BadInput;
        }

        using var store = ExtractorStore.Open(dbPath);
        // Details of internal errors go beside a SQLite store (STORE.log); for a PostgreSQL store, to the default log.
        if (!store.IsPostgres) ErrorLog.Path = store.Location.Value + ".log";
        // Stages may keep state: one extractor per concurrent extraction, reused.
        var extractors = new ExtractorPool(settings);
        var pipeline = new IngestPipeline(store, (string path, Deadline deadline) => extractors.Extract(path, deadline), new IngestOptions
        {
            Workers = workers, Timeout = settings.PerDocumentTimeout, RetryFailed = retryFailed,
        });
        var progress = new Progress(pipeline.Stats);
        pipeline.Completed += progress.OnCompleted;

        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var archives = new ArchiveInputs();
        var inputs = archives.Expand(IngestInputs.Enumerate(paths));
        try
        {
            IngestSummary summary;
            if (!Console.IsErrorRedirected)
            {
                pipeline.Completed -= progress.OnCompleted;
                summary = LiveProgress.Run(pipeline, inputs, interrupt.Token);
            }
            else
            {
                using var ticker = new Timer(_ => progress.Tick(), null, progress.Interval, progress.Interval);
                summary = pipeline.RunAsync(inputs, interrupt.Token).GetAwaiter().GetResult();
                ticker.Dispose();
            }
            progress.Clear();
            PrintSummary(Console.Out, summary, store, StoreCli.Shown(dbPath), settings.Ocr);
            return 0;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            progress.Clear();
            var s = pipeline.Stats.Snapshot();
            Console.Error.WriteLine($"ingest: interrupted after {s.Ok + s.Partial + s.Failed} documents stored; run the same command again to resume");
            return 130;
        }
        catch (StoreWriteException e)
        {
            // Disk full and the like: what was stored stays, the summary says how far the batch got.
            progress.Clear();
            Console.Error.WriteLine($"{StoreCli.Shown(dbPath)}: {e.Message}");
            try { PrintSummary(Console.Out, pipeline.Stats.Snapshot(), store, StoreCli.Shown(dbPath), settings.Ocr); }
            catch (Exception) { PrintTotals(Console.Out, pipeline.Stats.Snapshot(), StoreCli.Shown(dbPath), settings.Ocr); }
            return CliErrors.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static void PrintSummary(TextWriter w, IngestSummary s, ExtractorStore store, string dbPath, Extractor.Ocr.OcrEngine ocr)
    {
        var inv = CultureInfo.InvariantCulture;
        PrintTotals(w, s, dbPath, ocr);
        var c = store.Counts();
        w.WriteLine($"store: {c.Documents} documents ({c.Ok} ok, {(c.Partial > 0 ? $"{c.Partial} partial, " : "")}{c.Failed} failed), {c.Tables} tables, {c.Rows} rows, {c.Facts} facts, {c.Checks} checks");
        var kinds = store.KindsByYear().GroupBy(k => k.Kind)
            .Select(g => $"{g.Key} {g.Sum(k => k.Count)} ({string.Join(", ", g.Select(k => $"{(k.FiscalYear?.ToString(inv) ?? "?")}: {k.Count}"))})");
        w.WriteLine("by kind: " + string.Join("; ", kinds));
    }

    /// <summary>The batch's own counts (no store query: also printed when the store stopped taking writes).</summary>
    private static void PrintTotals(TextWriter w, IngestSummary s, string dbPath, Extractor.Ocr.OcrEngine ocr)
    {
        var inv = CultureInfo.InvariantCulture;
        static string By(IReadOnlyDictionary<string, int> reasons) => "  (" + string.Join(", ", reasons.Select(kv => $"{kv.Key} {kv.Value}")) + ")";
        w.WriteLine(string.Create(inv, $"ingest: {s.Found} files → {dbPath} in {s.Elapsed.TotalSeconds:0.0} s ({s.DocsPerSecond:0.00} docs/s, {s.PagesPerSecond:0.0} pages/s, extractor {ExtractorInfo.Version})"));
        w.WriteLine(string.Create(inv, $"  ok       {s.Ok,6}  ({s.Pages} pages)"));
        if (s.Partial > 0) w.WriteLine(string.Create(inv, $"  partial  {s.Partial,6}{By(s.PartialByReason)}"));
        w.WriteLine(string.Create(inv, $"  failed   {s.Failed,6}{(s.Failed > 0 ? By(s.FailedByReason) : "")}"));
        w.WriteLine(string.Create(inv, $"  skipped  {s.Skipped,6}  (already stored, or being read by another run)"));
        if (s.Unsupported > 0) w.WriteLine(string.Create(inv, $"  ignored  {s.Unsupported,6}  (not an ingestible file type)"));
        if (s.FailedByReason.ContainsKey("ocr_unavailable") || s.PartialByReason.ContainsKey("ocr_unavailable"))
            w.WriteLine($"  scans need OCR: {Extractor.Pipeline.OcrAvailability.InstallHint(ocr)}; then run the same command again");
    }

    /// <summary>Progress on stderr: a self-rewriting line on a terminal, a line every few seconds when redirected;
    /// each failed document as its own line ("FILE: reason: message").</summary>
    private sealed class Progress(IngestStats stats)
    {
        private readonly Lock _lock = new();
        private readonly bool _tty = !Console.IsErrorRedirected;
        private bool _lineShown, _stopped;

        public TimeSpan Interval => _tty ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5);

        public void OnCompleted(DocumentOutcome o)
        {
            if (o.Kind is not (OutcomeKind.Failed or OutcomeKind.Partial)) return;
            lock (_lock)
            {
                ClearLine();
                Console.Error.WriteLine(o.Kind == OutcomeKind.Partial ? $"{o.Path}: partial: {o.Reason}: {o.Message}" : $"{o.Path}: {o.Reason}: {o.Message}");
            }
        }

        public void Tick()
        {
            var s = stats.Snapshot();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"ingest: {s.Done}/{s.Found} · {s.Ok} ok · {(s.Partial > 0 ? $"{s.Partial} partial · " : "")}{s.Failed} failed · {s.Skipped} skipped{(s.Unsupported > 0 ? $" · {s.Unsupported} ignored" : "")} · {s.DocsPerSecond:0.00} docs/s · {s.PagesPerSecond:0.0} pages/s · {s.Elapsed.TotalSeconds:0} s");
            lock (_lock)
            {
                if (_stopped) return;
                if (_tty)
                {
                    Console.Error.Write("\r" + line + "\u001b[K");
                    _lineShown = true;
                }
                else Console.Error.WriteLine(line);
            }
        }

        /// <summary>Stops the progress line for good (a late timer tick prints nothing after the summary).</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _stopped = true;
                ClearLine();
            }
        }

        private void ClearLine()
        {
            if (!_lineShown) return;
            Console.Error.Write("\r\u001b[K");
            _lineShown = false;
        }
    }
}

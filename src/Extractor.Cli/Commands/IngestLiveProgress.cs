using System.Collections.Concurrent;
using System.Globalization;
using Extractor.Store.Ingest;
using Spectre.Console;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor ingest` progress on a terminal (stderr not redirected): a Spectre.Console live display with a bar,
/// documents/s, pages/s and failures, cleared when the batch ends; each failed document is printed above it as
/// "FILE: reason: message". When stderr is redirected the plain line-per-5-seconds progress is used instead.
/// </summary>
internal static class LiveProgress
{
    public static IngestSummary Run(IngestPipeline pipeline, IEnumerable<IngestInput> inputs, CancellationToken cancellation)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var failures = new ConcurrentQueue<DocumentOutcome>();
        void OnCompleted(DocumentOutcome o) { if (o.Kind is OutcomeKind.Failed or OutcomeKind.Partial) failures.Enqueue(o); }
        pipeline.Completed += OnCompleted;
        try
        {
            return console.Progress()
                .AutoClear(true)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                    new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("ingest", autoStart: true, maxValue: 1);
                    var run = pipeline.RunAsync(inputs, cancellation);
                    while (true)
                    {
                        var finished = ((IAsyncResult)run).AsyncWaitHandle.WaitOne(250) || run.IsCompleted; // never throws
                        // Failure lines are written from this thread only (the display's owner), above the live bar.
                        while (failures.TryDequeue(out var o))
                            console.MarkupLine(Markup.Escape(o.Kind == OutcomeKind.Partial ? $"{o.Path}: partial: {o.Reason}: {o.Message}" : $"{o.Path}: {o.Reason}: {o.Message}"));
                        var s = pipeline.Stats.Snapshot();
                        task.MaxValue = Math.Max(1, s.Found);
                        task.Value = s.Done;
                        task.Description = string.Create(CultureInfo.InvariantCulture,
                            $"ingest {s.Done}/{s.Found} · {s.Ok} ok · {(s.Partial > 0 ? $"[yellow]{s.Partial} partial[/] · " : "")}{(s.Failed > 0 ? $"[red]{s.Failed} failed[/]" : "0 failed")} · {s.Skipped} skipped · {s.DocsPerSecond:0.00} docs/s · {s.PagesPerSecond:0.0} pages/s");
                        if (finished) break;
                    }
                    return run.GetAwaiter().GetResult();
                });
        }
        finally
        {
            pipeline.Completed -= OnCompleted;
        }
    }
}

using Extractor.Core;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Store.Ingest;

/// <summary>What one extraction under a time limit gave: a report (maybe partial), or a failure reason and message to store.</summary>
public sealed record ExtractionOutcome(Report? Report, string? Reason = null, string? Message = null);

/// <summary>
/// One document through the extractor under a time limit, as ingest, crawl and the job workers all run it. The limit is
/// a <see cref="Deadline"/>: the extractor may extend it (pages to OCR) and the wait follows it. Its token is cancelled
/// at the limit (cooperative); a stage that ignores it is abandoned after a grace period (it keeps its thread until it
/// returns — an in-process limit cannot kill it) and the document fails as timeout. Any failure becomes a reason: the
/// ExtractionException's own, timeout, or error (a fault of the extractor, written to the error log with its stack).
/// Cancelling <paramref name="cancellation"/> (the batch is interrupted) throws instead: nothing is to be stored.
/// </summary>
public static class TimedExtraction
{
    public static Task<ExtractionOutcome> RunAsync(Func<string, CancellationToken, Report> extract, string path,
        TimeSpan timeout, TimeSpan grace, CancellationToken cancellation, string? source = null) =>
        RunAsync((p, deadline) => extract(p, deadline.Token), path, timeout, grace, cancellation, source);

    public static async Task<ExtractionOutcome> RunAsync(Func<string, Deadline, Report> extract, string path,
        TimeSpan timeout, TimeSpan grace, CancellationToken cancellation, string? source = null)
    {
        var deadline = new Deadline(timeout, cancellation);
        var task = Task.Run(() => extract(path, deadline), CancellationToken.None);
        try
        {
            if (!await deadline.WaitAsync(task, grace, cancellation)) throw new TimeoutException();
            return new ExtractionOutcome(await task);
        }
        catch (TimeoutException)
        {
            // The extractor ignored its cancellation token: abandon it (it runs on in the background) and go on; the
            // deadline is disposed when it ends, since it may still extend it.
            _ = task.ContinueWith(t => { _ = t.Exception; deadline.Dispose(); }, TaskScheduler.Default);
            return new ExtractionOutcome(null, "timeout", $"still running {deadline.Granted.TotalSeconds:0} s + {grace.TotalSeconds:0} s grace; abandoned");
        }
        catch (ExtractionException e)
        {
            return new ExtractionOutcome(null, e.Reason, e.Message);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new ExtractionOutcome(null, "timeout", deadline.Granted > deadline.Limit
                ? $"took longer than its limit of {deadline.Granted.TotalSeconds:0} s ({deadline.Limit.TotalSeconds:0} s and {(deadline.Granted - deadline.Limit).TotalSeconds:0} s for its pages to OCR)"
                : $"took longer than the per-document limit of {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not the document: the user is told what it is and where the detail went; a plain rerun retries it.
            var told = $"internal error while reading it, a fault of the extractor, not of the document ({ErrorLog.Hint})";
            ErrorLog.Write(source ?? path, told, e);
            return new ExtractionOutcome(null, "error", told);
        }
        finally
        {
            if (task.IsCompleted) deadline.Dispose();
        }
    }
}

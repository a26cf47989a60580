using Extractor.Core.Pipeline;
using Extractor.Core.Report;

namespace Extractor.Store.Ingest;

/// <summary>What one extraction under a time limit gave: a report, or a failure reason and message to store.</summary>
public sealed record ExtractionOutcome(Report? Report, string? Reason = null, string? Message = null)
{
    public bool Ok => Report is not null;
}

/// <summary>
/// One document through the extractor under a time limit, as ingest, crawl and the job workers all run it. The
/// extractor's token is cancelled at the limit (cooperative); a stage that ignores it is abandoned after a grace period
/// (it keeps its thread until it returns — an in-process limit cannot kill it) and the document fails as timeout. Any
/// failure becomes a reason: the ExtractionException's own, timeout, or error with the exception's first line.
/// Cancelling <paramref name="cancellation"/> (the batch is interrupted) throws instead: nothing is to be stored.
/// </summary>
public static class TimedExtraction
{
    public static async Task<ExtractionOutcome> RunAsync(Func<string, CancellationToken, Report> extract, string path,
        TimeSpan timeout, TimeSpan grace, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        var task = Task.Run(() => extract(path, limit.Token), CancellationToken.None);
        try
        {
            return new ExtractionOutcome(await task.WaitAsync(timeout + grace, cancellation));
        }
        catch (TimeoutException)
        {
            // The extractor ignored its cancellation token: abandon it (it runs on in the background) and go on.
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return new ExtractionOutcome(null, "timeout", $"still running {timeout.TotalSeconds:0} s + {grace.TotalSeconds:0} s grace; abandoned");
        }
        catch (ExtractionException e)
        {
            return new ExtractionOutcome(null, e.Reason, e.Message);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new ExtractionOutcome(null, "timeout", $"took longer than the per-document limit of {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ExtractionOutcome(null, "error", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }
}

namespace Extractor.Core.Pipeline;

/// <summary>
/// One document's time limit, as a cancellation token whose due time can move: a reader that learns the document
/// needs more work than most (pages to OCR) extends it by that work (<see cref="Extend"/>), and a single-document
/// command that must not stop a document still making progress restarts it at each step (<see cref="Progress"/>,
/// with <see cref="RestartOnProgress"/>). Whoever waits for the document from outside reads <see cref="Due"/>.
/// </summary>
public sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly Lock _lock = new();
    private DateTime _due;

    public Deadline(TimeSpan limit, CancellationToken outer = default, bool restartOnProgress = false)
    {
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit must be positive");
        Limit = limit;
        RestartOnProgress = restartOnProgress;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _due = DateTime.UtcNow + limit;
        Granted = limit;
        _cts.CancelAfter(limit);
    }

    /// <summary>The limit as set: the whole document's (batch), or the longest pause between two steps (single document).</summary>
    public TimeSpan Limit { get; }
    public bool RestartOnProgress { get; }
    public CancellationToken Token => _cts.Token;
    /// <summary>When it runs out, unless moved again (UTC).</summary>
    public DateTime Due { get { lock (_lock) return _due; } }
    /// <summary>The limit has passed (not an outer cancellation).</summary>
    public bool Expired => _cts.IsCancellationRequested && DateTime.UtcNow >= Due;
    /// <summary>What the document was given in all: the limit and every extension.</summary>
    public TimeSpan Granted { get; private set; }

    /// <summary>More time for work the document turned out to need (each page to OCR, say).</summary>
    public void Extend(TimeSpan more)
    {
        if (more <= TimeSpan.Zero) return;
        lock (_lock)
        {
            _due += more;
            Granted += more;
            Reset();
        }
    }

    /// <summary>A step is done (a page read, a stage finished): a single-document run starts its limit over.</summary>
    public void Progress()
    {
        if (!RestartOnProgress) return;
        lock (_lock)
        {
            var next = DateTime.UtcNow + Limit;
            if (next <= _due) return;
            _due = next;
            Reset();
        }
    }

    private void Reset()
    {
        if (_cts.IsCancellationRequested) return;
        var left = _due - DateTime.UtcNow;
        _cts.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>Waits for <paramref name="work"/> until <see cref="Due"/> plus <paramref name="grace"/>, following every move
    /// of the due time; false when it is still running then (it ignored its token: abandon it).</summary>
    public async Task<bool> WaitAsync(Task work, TimeSpan grace, CancellationToken cancellation)
    {
        while (!work.IsCompleted)
        {
            var left = Due + grace - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(work, Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellation));
            cancellation.ThrowIfCancellationRequested();
        }
        return true;
    }

    public void Dispose() => _cts.Dispose();
}

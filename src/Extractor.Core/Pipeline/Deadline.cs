namespace Extractor.Core.Pipeline;

/// <summary>
/// One document's time limit, as a cancellation token whose due time can move: a reader that learns the document
/// needs more work than most (pages to OCR) extends it by that work (<see cref="Extend"/>), and a single-document
/// command that must not stop a document still making progress restarts it at each step (<see cref="Progress"/>,
/// with <see cref="RestartOnProgress"/>). Whoever waits for the document from outside reads <see cref="Due"/>. Time is
/// read from a <see cref="TimeProvider"/> (the system's unless given), so tests can move it by hand.
/// </summary>
public sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly CancellationTokenRegistration _outer;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private DateTime _due;

    public Deadline(TimeSpan limit, CancellationToken outer = default, bool restartOnProgress = false, TimeProvider? clock = null)
    {
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit must be positive");
        Limit = limit;
        RestartOnProgress = restartOnProgress;
        _clock = clock ?? TimeProvider.System;
        // Its own source on the clock (a linked source would time itself by the system's), cancelled with the outer token.
        _cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _clock);
        _outer = outer.Register(static s => ((CancellationTokenSource)s!).Cancel(), _cts);
        _due = Now + limit;
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
    public bool Expired => _cts.IsCancellationRequested && Now >= Due;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;
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
            var next = Now + Limit;
            if (next <= _due) return;
            _due = next;
            Reset();
        }
    }

    private void Reset()
    {
        if (_cts.IsCancellationRequested) return;
        var left = _due - Now;
        _cts.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>Waits for <paramref name="work"/> until <see cref="Due"/> plus <paramref name="grace"/>, following every move
    /// of the due time; false when it is still running then (it ignored its token: abandon it).</summary>
    public async Task<bool> WaitAsync(Task work, TimeSpan grace, CancellationToken cancellation)
    {
        while (!work.IsCompleted)
        {
            var left = Due + grace - Now;
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(work, Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), _clock, cancellation));
            cancellation.ThrowIfCancellationRequested();
        }
        return true;
    }

    public void Dispose()
    {
        _outer.Dispose();
        _cts.Dispose();
    }
}

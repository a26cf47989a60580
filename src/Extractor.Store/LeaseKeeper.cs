namespace Extractor.Store;

/// <summary>
/// Keeps a lease alive while its holder works: a third of the way through the lease it calls <c>renew</c> on a thread of
/// its own (with a store connection of its own, which the caller's renew opens). When a renewal says the lease is gone,
/// or no renewal has succeeded for a whole lease (the database unreachable), <see cref="Lost"/> is cancelled so the
/// work stops before it can clash with the new holder.
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly Func<bool> _renew;
    private readonly TimeSpan _lease;
    private readonly Timer _timer;
    private readonly CancellationTokenSource _lost = new();
    private long _renewedAt = Environment.TickCount64;
    private int _busy;

    public LeaseKeeper(TimeSpan lease, Func<bool> renew)
    {
        _renew = renew;
        _lease = lease;
        var interval = lease / 3;
        _timer = new Timer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Cancelled when the lease could not be renewed.</summary>
    public CancellationToken Lost => _lost.Token;

    public string? Reason { get; private set; }

    private void Tick()
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1 || _lost.IsCancellationRequested) return;
        try
        {
            if (_renew()) Volatile.Write(ref _renewedAt, Environment.TickCount64);
            else Lose("taken over by another worker");
        }
        catch (Exception e)
        {
            if (Environment.TickCount64 - Volatile.Read(ref _renewedAt) > _lease.TotalMilliseconds)
                Lose($"not renewed for {_lease.TotalSeconds:0} s: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        finally { Volatile.Write(ref _busy, 0); }
    }

    private void Lose(string reason)
    {
        Reason = reason;
        try { _lost.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose()
    {
        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done)) done.WaitOne(TimeSpan.FromSeconds(30)); // a renewal under way finishes first
        _lost.Dispose();
    }
}

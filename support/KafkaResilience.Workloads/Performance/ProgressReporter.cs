using System.Globalization;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Performance;

/// <summary>
/// Prints a progress line (counts, rates over the last interval, lag) every few seconds while
/// workloads run, to an injectable sink (stderr by default). Dispose stops it.
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    private readonly HistoryLedger _ledger;
    private readonly Action<string> _sink;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private long _lastTicks;
    private long _lastSent;
    private long _lastRead;
    private bool _disposed;

    public ProgressReporter(HistoryLedger ledger, TimeSpan interval, Action<string>? sink = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (interval < TimeSpan.FromMilliseconds(100))
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The progress interval must be at least 100 ms.");
        _ledger = ledger;
        _sink = sink ?? (line => Console.Error.WriteLine(line));
        _lastTicks = ledger.Now();
        _timer = new Timer(_ => Report(), null, interval, interval);
    }

    /// <summary>Builds the current line (also used for a final line).</summary>
    public string Line()
    {
        lock (_gate)
        {
            var now = _ledger.Now();
            var seconds = Math.Max(1e-9, _ledger.Clock.GetElapsedTime(_lastTicks, now).TotalSeconds);
            var sent = _ledger.SentCount;
            var read = _ledger.ConsumedCount;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{_ledger.Elapsed(now).TotalSeconds,7:0.0}s] sent {sent:N0} ({(sent - _lastSent) / seconds:N0}/s), ok {_ledger.OkCount:N0}, " +
                $"failed {_ledger.FailedCount:N0}, unknown {_ledger.UnknownCount:N0}, pending {_ledger.PendingCount:N0} | " +
                $"read {read:N0} ({(read - _lastRead) / seconds:N0}/s), lag {_ledger.Lag:N0}");
            _lastTicks = now;
            _lastSent = sent;
            _lastRead = read;
            return line;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _timer.Dispose();
    }

    private void Report()
    {
        try
        {
            lock (_gate) if (_disposed) return;
            _sink(Line());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // a failing sink must not take the timer thread down
        }
    }
}

namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// Holds a send rate on an absolute schedule: message n is due at start + n / rate, so the rate
/// does not drift however long the run, and short delays are caught up. Pure: the caller passes
/// clock ticks, which makes it exact under a manual clock and cheap at 1M msg/s (one division per check).
/// A rate of 0 means as fast as possible.
/// </summary>
public sealed class RatePacer
{
    private readonly double _perTick;
    private readonly long _startTicks;
    private readonly double _ticksPerMessage;

    public RatePacer(double ratePerSecond, long ticksPerSecond, long startTicks)
    {
        if (ratePerSecond < 0 || double.IsNaN(ratePerSecond) || double.IsInfinity(ratePerSecond))
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be >= 0 messages per second (0 = unlimited).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        RatePerSecond = ratePerSecond;
        _perTick = ratePerSecond / ticksPerSecond;
        _ticksPerMessage = ratePerSecond == 0 ? 0 : ticksPerSecond / ratePerSecond;
        _startTicks = startTicks;
    }

    public double RatePerSecond { get; }
    public bool Unlimited => RatePerSecond == 0;

    /// <summary>How many messages (counting from 0) are due by <paramref name="nowTicks"/>.</summary>
    public long DueBy(long nowTicks) => Unlimited ? long.MaxValue : (long)((nowTicks - _startTicks) * _perTick) + 1;

    /// <summary>The tick at which message <paramref name="index"/> is due.</summary>
    public long DueAt(long index) => Unlimited ? _startTicks : _startTicks + (long)(index * _ticksPerMessage);
}

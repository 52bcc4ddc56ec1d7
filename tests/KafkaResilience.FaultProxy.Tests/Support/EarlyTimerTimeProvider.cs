namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>
/// The system clock with timers that fire early by up to <c>early</c> (never more than half their due time),
/// as the runtime's timer queue can when other timers keep it busy: what the
/// proxy's timed toxics must not be fooled by. Timestamps are the real, high-resolution ones.
/// </summary>
internal sealed class EarlyTimerTimeProvider(TimeSpan early) : TimeProvider
{
    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(this, System.CreateTimer(callback, state, Early(dueTime), period));

    private TimeSpan Early(TimeSpan dueTime) =>
        dueTime <= TimeSpan.Zero || dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime - TimeSpan.FromTicks(Math.Min(early.Ticks, dueTime.Ticks / 2));

    private sealed class EarlyTimer(EarlyTimerTimeProvider clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Early(dueTime), period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

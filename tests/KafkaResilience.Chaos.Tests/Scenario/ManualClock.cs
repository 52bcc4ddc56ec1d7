namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>A clock tests move by hand: 1 tick = 1 microsecond, starting at 1 s so no timestamp is 0.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = 1_000_000;
    private readonly DateTimeOffset _wallOrigin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => 1_000_000;
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);
    public override DateTimeOffset GetUtcNow() => _wallOrigin.AddTicks((GetTimestamp() - 1_000_000) * 10);

    public long At(double seconds) => 1_000_000 + (long)(seconds * 1_000_000);
    public void Set(double seconds) => Interlocked.Exchange(ref _ticks, At(seconds));
}

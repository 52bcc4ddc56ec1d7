namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"the producer sent at least F messages per second" / "the consumers read at least F ...": a throughput floor.</summary>
public sealed record RateFloor(RateKind Kind, double PerSecond) : IPlannedStep
{
    /// <summary>A producer floor.</summary>
    public RateFloor(double perSecond)
        : this(RateKind.ProducerFloor, perSecond)
    {
    }

    /// <summary>A consumer floor.</summary>
    public RateFloor(int perSecond)
        : this(RateKind.ConsumerFloor, perSecond)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Rate(step, Kind, PerSecond);
}

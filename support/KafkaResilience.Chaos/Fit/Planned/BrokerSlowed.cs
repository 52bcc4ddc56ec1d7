using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>A broker's connections delayed, reset or held back for a while: its partitions are unread for the whole of it.</summary>
public sealed record BrokerSlowed(BrokerTarget Target, TimeSpan Duration) : IPlannedStep
{
    /// <summary>Latency of <paramref name="milliseconds"/> for <paramref name="duration"/>.</summary>
    public BrokerSlowed(BrokerTarget target, int milliseconds, TimeSpan duration)
        : this(target, duration)
    {
    }

    /// <summary>Latency with jitter for <paramref name="duration"/>.</summary>
    public BrokerSlowed(BrokerTarget target, int milliseconds, int jitter, TimeSpan duration)
        : this(target, duration)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Gap(new ReaderGap(step, text, GapKind.WholeDuration, Duration));

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        Target is SpecificBroker { BrokerId: var id } && KafkaResilience.Cluster.KafkaNames.BrokerIdProblem(id, brokers) is { } refused ? [refused] : [];
}

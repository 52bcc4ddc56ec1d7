using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>A broker's connections capped at K KB/s (for a while, or until healed): a partition's stream that needs more waits.</summary>
public sealed record BrokerCapped(BrokerTarget Target, int KilobytesPerSecond, TimeSpan? Duration) : IPlannedStep
{
    /// <summary>Capped until the scenario heals it.</summary>
    public BrokerCapped(BrokerTarget target, int kilobytesPerSecond)
        : this(target, kilobytesPerSecond, null)
    {
    }

    /// <summary>Capped for <paramref name="duration"/>.</summary>
    public BrokerCapped(BrokerTarget target, int kilobytesPerSecond, TimeSpan duration)
        : this(target, kilobytesPerSecond, (TimeSpan?)duration)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text)
    {
        if (KilobytesPerSecond > 0) needs.Gap(new ReaderGap(step, text, GapKind.BandwidthCap, Duration, KilobytesPerSecond * 1024.0));
    }

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        Target is SpecificBroker { BrokerId: var id } && KafkaResilience.Cluster.KafkaNames.BrokerIdProblem(id, brokers) is { } refused ? [refused] : [];
}

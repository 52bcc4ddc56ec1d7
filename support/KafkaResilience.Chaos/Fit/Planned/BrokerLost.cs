using KafkaResilience.Chaos.Targets;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>A broker killed, paused or cut off (for a while): its partitions are unread until leadership moves or the fault ends.</summary>
public sealed record BrokerLost(BrokerTarget Target, TimeSpan? Duration) : IPlannedStep
{
    /// <summary>Killed: lost until the cluster moves its leadership.</summary>
    public BrokerLost(BrokerTarget target)
        : this(target, null)
    {
    }

    /// <summary>Paused or cut off for <paramref name="duration"/>.</summary>
    public BrokerLost(BrokerTarget target, TimeSpan duration)
        : this(target, (TimeSpan?)duration)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Gap(new ReaderGap(step, text, GapKind.LostBroker, Duration));

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        Target is SpecificBroker { BrokerId: var id } && KafkaResilience.Cluster.KafkaNames.BrokerIdProblem(id, brokers) is { } refused ? [refused] : [];
}

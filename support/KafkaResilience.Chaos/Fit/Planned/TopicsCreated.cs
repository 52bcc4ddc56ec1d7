using System.Globalization;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"N topics named "P1" to "PN", each with M partitions ...": N topics named by a prefix, each with its partitions.</summary>
public sealed record TopicsCreated(int Count, string Prefix, int Partitions, int ReplicationFactor) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text)
    {
        if (Count is < 1 or > 10_000) return;
        for (var t = 1; t <= Count; t++) needs.Topic(Prefix + t.ToString(CultureInfo.InvariantCulture), Partitions);
    }

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        Count < 1 ? [] : KafkaResilience.Cluster.KafkaNames.TopicNameProblem(Prefix + Count.ToString(CultureInfo.InvariantCulture)) is { } refused ? [refused] : [];
}

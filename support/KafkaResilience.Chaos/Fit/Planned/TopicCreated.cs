namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"a topic "T" with N partitions ...": a topic and its partitions.</summary>
public sealed record TopicCreated(string Name, int Partitions, int ReplicationFactor) : IPlannedStep
{
    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Topic(Name, Partitions);

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        KafkaResilience.Cluster.KafkaNames.TopicNameProblem(Name) is { } refused ? [refused] : [];
}

using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Fit.Planned;

/// <summary>"N consumers in group "G" are reading "T"" (with or without a commit mode): a group reads the topic from now on.</summary>
public sealed record GroupReading(int Consumers, string Group, string Topic, CommitMode? Commit) : IPlannedStep
{
    public GroupReading(int consumers, string group, string topic)
        : this(consumers, group, topic, null)
    {
    }

    public GroupReading(int consumers, string group, string topic, CommitMode commit)
        : this(consumers, group, topic, (CommitMode?)commit)
    {
    }

    /// <summary>One transactional reader of an isolation level.</summary>
    public GroupReading(ReadIsolation isolation, string group, string topic)
        : this(1, group, topic, null)
    {
    }

    /// <summary>N transactional readers of an isolation level.</summary>
    public GroupReading(int consumers, ReadIsolation isolation, string group, string topic)
        : this(consumers, group, topic, null)
    {
    }

    public void AddTo(ScenarioNeedsBuilder needs, int step, string text) => needs.Reading(Topic);

    public (string Group, string Topic)? Reads => (Group, Topic);

    public IEnumerable<string> Refusals(IReadOnlyList<int> brokers) =>
        KafkaResilience.Cluster.KafkaNames.GroupIdProblem(Group) is { } refused ? [refused] : [];
}

using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// One consumer group of a scenario (or the readers of a measured read): its name, the topics it reads, its
/// workload and the recorders of its members. The judge finds a group's reads by its members' names, never by
/// a name prefix (so groups "g" and "g-late" stay apart).
/// </summary>
public sealed class ScenarioGroup
{
    internal ScenarioGroup(string name, IReadOnlyList<ScenarioTopic> topics, ConsumerWorkload? workload, IReadOnlyList<ConsumerRecorder> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Topics = topics;
        Workload = workload;
        Members = members;
        MemberNames = [.. members.Select(m => m.Name)];
    }

    public string Name { get; }

    /// <summary>The topics it reads (one, or every topic of a "prefix*" reference).</summary>
    public IReadOnlyList<ScenarioTopic> Topics { get; }

    /// <summary>How many partitions its members must own between them.</summary>
    public int Partitions => Topics.Sum(t => t.Partitions);

    /// <summary>The running consumers (null for a group recorded by hand in a unit test).</summary>
    public ConsumerWorkload? Workload { get; }

    public IReadOnlyList<ConsumerRecorder> Members { get; }

    public IReadOnlyList<string> MemberNames { get; }

    /// <summary>Records the members read so far (every pass of a measured read counted).</summary>
    public long Read => Members.Sum(m => m.ConsumedCount);
}

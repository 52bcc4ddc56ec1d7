namespace KafkaResilience.Cluster;

/// <summary>A topic and the state of each of its partitions, ordered by partition.</summary>
public sealed record TopicDescription(string Name, IReadOnlyList<PartitionState> Partitions)
{
    /// <summary>The leader of a partition, or null when it has none.</summary>
    public int? LeaderOf(int partition) => Partitions.Single(p => p.Partition == partition).Leader;
}

using KafkaResilience.Cluster;

namespace KafkaResilience.Cluster.Admin;

/// <summary>
/// Turns what Kafka's Admin API reports about a topic into the suite's <see cref="TopicDescription"/>
/// (leader null when the partition has none, replicas and ISR as broker ids, partitions in order).
/// </summary>
public static class AdminTopicMapping
{
    public static TopicDescription ToTopicDescription(Confluent.Kafka.Admin.TopicDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var partitions = description.Partitions
            .OrderBy(p => p.Partition)
            .Select(p => new PartitionState(
                p.Partition,
                p.Leader is { Id: >= 0 } leader ? leader.Id : null,
                (p.Replicas ?? []).Select(n => n.Id).ToArray(),
                (p.ISR ?? []).Select(n => n.Id).ToArray()))
            .ToArray();
        return new TopicDescription(description.Name, partitions);
    }
}

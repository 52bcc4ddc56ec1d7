using KafkaResilience.Cluster;

namespace KafkaResilience.Embedded.Controller;

/// <summary>
/// Deterministic replica placement, shaped like Kafka's round-robin assignment: partition p gets the
/// replication-factor brokers starting at position p of the broker list, and its first replica leads.
/// With brokers 105, 106, 108 and RF 3: p0 = [105,106,108], p1 = [106,108,105], p2 = [108,105,106].
/// Deterministic so a scenario's "leader of partition 1" is the same broker on every run.
/// </summary>
public static class ReplicaPlacement
{
    public static IReadOnlyList<PartitionAssignment> Place(TopicSpec topic, IReadOnlyList<int> brokerIds)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(brokerIds);
        topic.Validate(brokerIds.Count);
        var n = brokerIds.Count;
        return Enumerable.Range(0, topic.Partitions)
            .Select(p =>
            {
                var replicas = Enumerable.Range(0, topic.ReplicationFactor).Select(k => brokerIds[(p + k) % n]).ToArray();
                return new PartitionAssignment(topic.Name, p, replicas, replicas[0]);
            })
            .ToArray();
    }
}

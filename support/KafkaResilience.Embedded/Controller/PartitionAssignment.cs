namespace KafkaResilience.Embedded.Controller;

/// <summary>
/// One partition as the controller emulation sees it: its replicas in assignment order (the first
/// is the preferred leader, as in Kafka) and its current leader, or null when no live replica can lead.
/// </summary>
public sealed record PartitionAssignment(string Topic, int Partition, IReadOnlyList<int> Replicas, int? Leader)
{
    /// <summary>The replica Kafka's preferred-leader election would pick.</summary>
    public int PreferredLeader => Replicas[0];
}

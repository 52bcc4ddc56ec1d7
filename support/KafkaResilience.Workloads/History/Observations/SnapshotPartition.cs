namespace KafkaResilience.Workloads.History.Observations;

/// <summary>One partition in a cluster snapshot: its leader (null: none), replicas and in-sync replicas, as the target reports them.</summary>
public sealed record SnapshotPartition(string Topic, int Partition, int? Leader, IReadOnlyList<int> Replicas, IReadOnlyList<int> InSyncReplicas)
{
    /// <summary>"q_1-2", as Kafka names a partition.</summary>
    public string Name => $"{Topic}-{Partition}";
}

namespace KafkaResilience.Cluster;

/// <summary>One partition as the cluster reports it: leader (null when none), replicas, in-sync replicas.</summary>
public sealed record PartitionState(int Partition, int? Leader, IReadOnlyList<int> Replicas, IReadOnlyList<int> InSyncReplicas);

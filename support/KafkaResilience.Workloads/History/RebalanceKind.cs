namespace KafkaResilience.Workloads.History;

/// <summary>What a rebalance did to one consumer: partitions assigned, revoked (cleanly) or lost (session expired).</summary>
public enum RebalanceKind
{
    Assigned,
    Revoked,
    Lost,
}

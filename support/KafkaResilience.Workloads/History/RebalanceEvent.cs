namespace KafkaResilience.Workloads.History;

/// <summary>A consumer was assigned, revoked or lost partitions (as "topic-partition" names) at a point of the run.</summary>
public sealed record RebalanceEvent(TimeSpan At, string Consumer, RebalanceKind Kind, IReadOnlyList<string> Partitions);

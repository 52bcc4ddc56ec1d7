namespace KafkaResilience.Workloads.History;

/// <summary>What one consumer read in a run (0 for an idle member), in records and bytes, and when it first and last read.</summary>
public sealed record ConsumerSummary(string Name, long Consumed, long Bytes, long Foreign, TimeSpan? FirstAt, TimeSpan? LastAt);

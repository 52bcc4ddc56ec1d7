namespace KafkaResilience.Workloads.History;

/// <summary>
/// What one consumer read in a run (0 for an idle member), in records and bytes, and when it first and
/// last read. <paramref name="Reread"/> counts the records (included in <paramref name="Consumed"/>)
/// read again on purpose in the repeated passes of a measured read, which the delivery checkers do not see.
/// </summary>
public sealed record ConsumerSummary(string Name, long Consumed, long Bytes, long Foreign, TimeSpan? FirstAt, TimeSpan? LastAt, long Reread = 0);

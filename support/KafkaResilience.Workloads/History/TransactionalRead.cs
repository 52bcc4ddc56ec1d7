namespace KafkaResilience.Workloads.History;

/// <summary>
/// One record a consumer read while transactions are recorded: who read it (an index into the snapshot's consumer
/// names), where (topic number, partition, offset) and which record it was (producer stream and sequence).
/// </summary>
public readonly record struct TransactionalRead(int Consumer, int Topic, int Partition, long Offset, int Producer, long Sequence);

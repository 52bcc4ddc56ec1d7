namespace KafkaResilience.Workloads.Native;

/// <summary>What a poll of a <see cref="NativeConsumer"/> returned.</summary>
internal enum ConsumedKind
{
    None = 0,
    Record = 1,
    PartitionEof = 2,
    Error = 3,
}

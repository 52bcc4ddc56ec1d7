using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Native;

/// <summary>
/// What one poll of a <see cref="NativeConsumer"/> gave, read out of librdkafka's message before it was freed:
/// nothing, a record (its payload header parsed in place), the end of a partition, or a consume error.
/// </summary>
internal readonly record struct ConsumedRecord(
    ConsumedKind Kind, string? Topic, int Partition, long Offset, bool Ours, PayloadHeader Header, int Length, string? Error);

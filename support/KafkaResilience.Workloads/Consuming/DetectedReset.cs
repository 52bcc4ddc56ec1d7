using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Consuming;

/// <summary>An offset reset one consumer went through on a partition at <paramref name="Ticks"/> (see <see cref="OffsetReset"/>), before it is put in the ledger.</summary>
internal sealed record DetectedReset(int Topic, int Partition, long From, long? To, OffsetResetKind Kind, string Reason, long Ticks);

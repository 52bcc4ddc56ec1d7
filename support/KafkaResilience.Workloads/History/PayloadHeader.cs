namespace KafkaResilience.Workloads.History;

/// <summary>
/// What every workload payload carries at its start: which sequence stream wrote it (the
/// producer id: one per producing thread), its sequence number in that stream, when it was sent
/// (clock ticks of the run's <see cref="TimeProvider"/>) and the run tag that tells this run's
/// records from leftovers of another run.
/// </summary>
public readonly record struct PayloadHeader(ushort RunTag, int ProducerId, long Sequence, long SentTicks);

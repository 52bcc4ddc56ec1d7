namespace KafkaResilience.Workloads.History;

/// <summary>
/// What a consume-transform-produce processor wrote for one input record: the output (its producer stream and
/// sequence) and the input it came from (topic number, partition, offset, and the input's own stream and sequence).
/// Recorded when the output is handed to the producer, before its transaction ends.
/// </summary>
public readonly record struct TransformLink(int OutputProducer, long OutputSequence, int InputTopic, int InputPartition, long InputOffset, int InputProducer, long InputSequence);

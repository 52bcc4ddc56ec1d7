namespace KafkaResilience.Cluster;

/// <summary>
/// The answer to "can this topic be used?": the <see cref="TopicState"/>, the partition count when it is
/// <see cref="TopicState.Ready"/> (else 0), and what was seen, in librdkafka's words ("Local: Broker transport
/// failure", "partition 2 has no leader"), for a message that says why.
/// </summary>
public sealed record TopicCheck(TopicState State, int Partitions, string Detail);

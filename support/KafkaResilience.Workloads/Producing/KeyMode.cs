namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// How records are spread over partitions: None (no key, the client's partitioner chooses),
/// RoundRobin (no key, partitions taken in turn, as the seed's unkeyed sends spread) or
/// Keyed (a key out of <see cref="ProducerWorkloadOptions.KeyCount"/>, hashed by the client).
/// </summary>
public enum KeyMode
{
    None,
    RoundRobin,
    Keyed,
}

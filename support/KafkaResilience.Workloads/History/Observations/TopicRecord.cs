namespace KafkaResilience.Workloads.History.Observations;

/// <summary>A topic the scenario created, with its partition count: the partitions a check of "every partition" covers.</summary>
public sealed record TopicRecord(string Name, int Partitions);

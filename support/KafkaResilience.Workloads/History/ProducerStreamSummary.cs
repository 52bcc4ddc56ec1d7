namespace KafkaResilience.Workloads.History;

/// <summary>The counts of one producer stream at the end of a run. Pending = sent with no outcome reported.</summary>
public sealed record ProducerStreamSummary(
    int Id, string Name, int MessageSize, long Sent, long Ok, long Failed, long Unknown, long Pending,
    long OkPossiblyPersisted, long RepeatedOutcomes, TimeSpan? FirstSendAt, TimeSpan? LastSendAt, TimeSpan? LastOutcomeAt);

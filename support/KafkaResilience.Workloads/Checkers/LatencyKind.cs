namespace KafkaResilience.Workloads.Checkers;

/// <summary>Which latency a ceiling applies to: send to ack, or send to first read (end to end).</summary>
public enum LatencyKind
{
    Ack,
    EndToEnd,
}

namespace KafkaResilience.Workloads.Checkers;

/// <summary>Which time series a throughput floor applies to.</summary>
public enum SeriesKind
{
    Sent,
    Acked,
    Consumed,
    ConsumedFirst,
}

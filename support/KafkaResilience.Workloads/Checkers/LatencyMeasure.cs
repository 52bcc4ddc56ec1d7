namespace KafkaResilience.Workloads.Checkers;

/// <summary>A measure of a latency distribution a bound applies to: a percentile, the maximum or the mean.</summary>
public enum LatencyMeasure
{
    P50,
    P95,
    P99,
    P999,
    Max,
    Mean,
}

namespace KafkaResilience.Workloads.History;

/// <summary>A latency distribution as the report prints it: count and milliseconds at the usual percentiles.</summary>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static LatencySummary Of(LatencyDistribution latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        return new LatencySummary(latency.Count, latency.MeanMs, latency.P50Ms, latency.P95Ms, latency.P99Ms, latency.P999Ms, latency.MaxMs);
    }
}

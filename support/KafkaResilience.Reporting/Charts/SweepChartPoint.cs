namespace KafkaResilience.Reporting.Charts;

/// <summary>One row of a sweep (e.g. 16 partitions): measured and seed throughput, and measured latency.</summary>
public sealed record SweepChartPoint(string Parameter, double? Throughput, double? ThroughputReference, double? LatencyMilliseconds);

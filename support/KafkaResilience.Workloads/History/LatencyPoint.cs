namespace KafkaResilience.Workloads.History;

/// <summary>The ack latency of one second of a run: how many acks, and their p50, p99 and max in milliseconds.</summary>
public sealed record LatencyPoint(int Second, long Count, double P50Ms, double P99Ms, double MaxMs);

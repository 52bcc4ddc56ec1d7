namespace KafkaResilience.Workloads.Checkers;

/// <summary>Upper bounds in milliseconds for latency percentiles; a null bound is not checked.</summary>
public sealed record LatencyCeilings(double? P50Ms = null, double? P95Ms = null, double? P99Ms = null, double? P999Ms = null, double? MaxMs = null);

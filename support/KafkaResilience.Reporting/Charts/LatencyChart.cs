namespace KafkaResilience.Reporting.Charts;

/// <summary>What a latency chart shows: p50 and p99 send latency (ms) per second, with fault windows and leader changes.</summary>
public sealed record LatencyChart(
    string Title,
    IReadOnlyList<SeriesPoint> P50Milliseconds,
    IReadOnlyList<SeriesPoint> P99Milliseconds,
    IReadOnlyList<FaultWindow> Faults,
    IReadOnlyList<ChartMarker> LeaderChanges);

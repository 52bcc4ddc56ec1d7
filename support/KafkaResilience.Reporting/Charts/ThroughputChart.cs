namespace KafkaResilience.Reporting.Charts;

/// <summary>What a throughput chart shows: messages per second sent, acknowledged and consumed, with fault windows and leader changes.</summary>
public sealed record ThroughputChart(
    string Title,
    IReadOnlyList<SeriesPoint> Sent,
    IReadOnlyList<SeriesPoint> Acked,
    IReadOnlyList<SeriesPoint> Consumed,
    IReadOnlyList<FaultWindow> Faults,
    IReadOnlyList<ChartMarker> LeaderChanges);

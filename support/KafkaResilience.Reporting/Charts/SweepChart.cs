namespace KafkaResilience.Reporting.Charts;

/// <summary>
/// A sweep chart: x is the swept setting (topics, partitions, consumers), bars the measured and seed
/// throughput, a line the measured latency on the right axis.
/// </summary>
public sealed record SweepChart(string Title, string ParameterName, IReadOnlyList<SweepChartPoint> Points, string ThroughputUnit = "msg/s");

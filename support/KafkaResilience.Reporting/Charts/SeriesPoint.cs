namespace KafkaResilience.Reporting.Charts;

/// <summary>One value of a time series: seconds since the workload started, and the value in that second.</summary>
public readonly record struct SeriesPoint(double Seconds, double Value);

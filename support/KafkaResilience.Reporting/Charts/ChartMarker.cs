namespace KafkaResilience.Reporting.Charts;

/// <summary>A moment drawn as a vertical line (e.g. "p2 leader 106→108"), in seconds since start.</summary>
public sealed record ChartMarker(double Seconds, string Label);

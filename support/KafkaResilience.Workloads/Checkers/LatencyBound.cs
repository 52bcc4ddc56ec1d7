using System.Globalization;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A bound in milliseconds on one measure of a latency distribution: "p99 at most 500 ms" (a ceiling), or
/// "p99 at least 100 ms" (a floor: a fault that adds latency must show in it). Validated when built.
/// </summary>
public sealed record LatencyBound
{
    public LatencyBound(LatencyMeasure measure, BoundDirection direction, double milliseconds)
    {
        if (!Enum.IsDefined(measure)) throw new ArgumentOutOfRangeException(nameof(measure), measure, $"Allowed: {string.Join(", ", Enum.GetNames<LatencyMeasure>())}.");
        if (!Enum.IsDefined(direction)) throw new ArgumentOutOfRangeException(nameof(direction), direction, "Allowed: AtMost, AtLeast.");
        if (milliseconds <= 0 || double.IsNaN(milliseconds) || double.IsInfinity(milliseconds))
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, $"The {Label(measure)} bound must be a positive number of milliseconds.");
        Measure = measure;
        Direction = direction;
        Milliseconds = milliseconds;
    }

    public LatencyMeasure Measure { get; }
    public BoundDirection Direction { get; }
    public double Milliseconds { get; }

    /// <summary>A ceiling: the measure at most <paramref name="milliseconds"/>.</summary>
    public static LatencyBound AtMost(LatencyMeasure measure, double milliseconds) => new(measure, BoundDirection.AtMost, milliseconds);

    /// <summary>A floor: the measure at least <paramref name="milliseconds"/>.</summary>
    public static LatencyBound AtLeast(LatencyMeasure measure, double milliseconds) => new(measure, BoundDirection.AtLeast, milliseconds);

    /// <summary>How reports name a measure: p50, p95, p99, p99.9, max, average.</summary>
    public static string Label(LatencyMeasure measure) => measure switch
    {
        LatencyMeasure.P50 => "p50",
        LatencyMeasure.P95 => "p95",
        LatencyMeasure.P99 => "p99",
        LatencyMeasure.P999 => "p99.9",
        LatencyMeasure.Max => "max",
        _ => "average",
    };

    /// <summary>True when <paramref name="measuredMs"/> is on the allowed side of the bound.</summary>
    public bool Holds(double measuredMs) => Direction == BoundDirection.AtMost ? measuredMs <= Milliseconds : measuredMs >= Milliseconds;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label(Measure)} {(Direction == BoundDirection.AtMost ? "at most" : "at least")} {Milliseconds:0.###} ms");
}

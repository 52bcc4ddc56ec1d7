using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Latency bounds (ceilings and floors on p50, p95, p99, p99.9, max or the mean) over the ack or the
/// end-to-end distribution. Every bound must hold; no latency recorded at all cannot be judged.
/// </summary>
public sealed class LatencyBoundChecker : IChecker
{
    public LatencyBoundChecker(LatencyKind kind, params IReadOnlyList<LatencyBound> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (bounds.Count == 0) throw new ArgumentException("Give at least one latency bound.", nameof(bounds));
        Kind = kind;
        Bounds = bounds;
    }

    public LatencyKind Kind { get; }
    public IReadOnlyList<LatencyBound> Bounds { get; }
    public string Name => Kind == LatencyKind.Ack ? "ack-latency" : "end-to-end-latency";

    /// <summary>The value of one measure of a distribution, in milliseconds.</summary>
    public static double Measured(LatencyDistribution distribution, LatencyMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return measure switch
        {
            LatencyMeasure.P50 => distribution.P50Ms,
            LatencyMeasure.P95 => distribution.P95Ms,
            LatencyMeasure.P99 => distribution.P99Ms,
            LatencyMeasure.P999 => distribution.P999Ms,
            LatencyMeasure.Max => distribution.MaxMs,
            LatencyMeasure.Mean => distribution.MeanMs,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, $"Allowed: {string.Join(", ", Enum.GetNames<LatencyMeasure>())}."),
        };
    }

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var d = Kind == LatencyKind.Ack ? history.AckLatency : history.EndToEndLatency;
        var numbers = new Dictionary<string, double>
        {
            ["count"] = d.Count, ["mean-ms"] = d.MeanMs, ["p50-ms"] = d.P50Ms, ["p95-ms"] = d.P95Ms,
            ["p99-ms"] = d.P99Ms, ["p999-ms"] = d.P999Ms, ["max-ms"] = d.MaxMs,
        };
        if (Bounds.Count == 1) numbers["bound-ms"] = Bounds[0].Milliseconds;
        if (d.Count == 0)
            return Verdict.Unknown(Name, $"no {d.Name} was recorded", numbers);
        var broken = Bounds.Where(b => !b.Holds(Measured(d, b.Measure)))
            .Select(b => $"{LatencyBound.Label(b.Measure)} {Measured(d, b.Measure):0.###} ms, expected {b}").ToList();
        var summary = string.Join(", ", Bounds.Select(b => b.Measure).Distinct().Select(m => $"{LatencyBound.Label(m)} {Measured(d, m):0.###} ms")) +
                      $" ({d.Name} over {d.Count:N0})";
        return broken.Count > 0 ? Verdict.Invalid(Name, summary, numbers, broken) : Verdict.Valid(Name, summary, numbers);
    }
}

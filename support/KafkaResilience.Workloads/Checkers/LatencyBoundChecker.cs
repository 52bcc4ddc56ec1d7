using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>Latency ceilings (p50, p95, p99, p99.9, max) over the ack or end-to-end distribution.</summary>
public sealed class LatencyCeilingChecker : IChecker
{
    public LatencyCeilingChecker(LatencyKind kind, LatencyCeilings ceilings)
    {
        Kind = kind;
        Ceilings = ceilings ?? throw new ArgumentNullException(nameof(ceilings));
        foreach (var (label, bound) in Bounds())
            if (bound is <= 0 || (bound is { } b && double.IsNaN(b)))
                throw new ArgumentOutOfRangeException(nameof(ceilings), bound, $"The {label} ceiling must be positive.");
    }

    public LatencyKind Kind { get; }
    public LatencyCeilings Ceilings { get; }
    public string Name => Kind == LatencyKind.Ack ? "ack-latency" : "end-to-end-latency";

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var d = Kind == LatencyKind.Ack ? history.AckLatency : history.EndToEndLatency;
        var numbers = new Dictionary<string, double>
        {
            ["count"] = d.Count, ["mean-ms"] = d.MeanMs, ["p50-ms"] = d.P50Ms, ["p95-ms"] = d.P95Ms,
            ["p99-ms"] = d.P99Ms, ["p999-ms"] = d.P999Ms, ["max-ms"] = d.MaxMs,
        };
        if (d.Count == 0)
            return Verdict.Unknown(Name, $"no {d.Name} was recorded", numbers);
        var measured = new Dictionary<string, double> { ["p50"] = d.P50Ms, ["p95"] = d.P95Ms, ["p99"] = d.P99Ms, ["p99.9"] = d.P999Ms, ["max"] = d.MaxMs };
        var over = Bounds().Where(b => b.Bound is { } bound && measured[b.Label] > bound)
            .Select(b => $"{b.Label} {measured[b.Label]:0.###} ms > {b.Bound:0.###} ms").ToList();
        var summary = $"{d.Name} over {d.Count:N0}: p50 {d.P50Ms:0.###} ms, p95 {d.P95Ms:0.###} ms, p99 {d.P99Ms:0.###} ms, p99.9 {d.P999Ms:0.###} ms, max {d.MaxMs:0.###} ms";
        return over.Count > 0 ? Verdict.Invalid(Name, summary, numbers, over) : Verdict.Valid(Name, summary, numbers);
    }

    private IEnumerable<(string Label, double? Bound)> Bounds()
    {
        yield return ("p50", Ceilings.P50Ms);
        yield return ("p95", Ceilings.P95Ms);
        yield return ("p99", Ceilings.P99Ms);
        yield return ("p99.9", Ceilings.P999Ms);
        yield return ("max", Ceilings.MaxMs);
    }
}

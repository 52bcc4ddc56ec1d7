using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// How long the producer stalled, at most a bound. Two measures, the larger judged: the longest time without
/// any ack while sends were outstanding (<see cref="StallChecker"/>), and, after the first fault, the time to
/// the first ack on every partition the faulted broker led (<see cref="RecoveryTimeChecker"/>; the other
/// partitions keep acking and would hide that stall). A led partition that never acked again stalled for the
/// rest of the run. Without a fault, or when the faulted broker led nothing, only the first measure counts.
/// </summary>
public sealed class ProducerStallChecker : IChecker
{
    public const string CheckerName = "producer-stall";

    public ProducerStallChecker(TimeSpan bound, IReadOnlyList<int> faultedPartitions)
    {
        if (bound <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bound), bound, "The stall bound must be positive.");
        ArgumentNullException.ThrowIfNull(faultedPartitions);
        Bound = bound;
        FaultedPartitions = faultedPartitions;
    }

    public TimeSpan Bound { get; }

    /// <summary>The partitions the first fault's broker(s) led before it (of any topic).</summary>
    public IReadOnlyList<int> FaultedPartitions { get; }

    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        var stalls = StallChecker.Stalls(history, StallSide.Producer);
        var longest = stalls.Count == 0 ? TimeSpan.Zero : stalls.Max(s => s.Duration);
        var judged = (TimeSpan?)longest;
        var detail = "";
        var examples = new List<string>();
        if (history.Faults.FirstOrDefault() is { } fault)
        {
            if (FaultedPartitions.Count == 0)
            {
                detail = $"; after '{fault.Name}': " + (fault.FirstAckAfter is { } a ? $"first ack after {(a - fault.InjectedAt).TotalSeconds:0.000} s" : "no ack after it");
            }
            else
            {
                var recovery = new RecoveryTimeChecker(null, maxToFirstAck: Bound, partitions: FaultedPartitions).Check(history);
                var toAck = recovery.Numbers["to-first-ack-seconds"];
                judged = toAck < 0 ? null : TimeSpan.FromSeconds(Math.Max(toAck, longest.TotalSeconds));
                detail = $"; after '{fault.Name}': " + string.Join(", ", FaultedPartitions.Select(p => fault.FirstAckAfterOn(p) is { } at
                    ? $"partition {p} acked again after {(at - fault.InjectedAt).TotalSeconds:0.000} s"
                    : $"partition {p} never acked again"));
                examples.AddRange(recovery.Examples.Where(e => !e.StartsWith("partition ", StringComparison.Ordinal)));
            }
        }
        var numbers = new Dictionary<string, double>
        {
            ["longest-seconds"] = longest.TotalSeconds,
            ["judged-seconds"] = judged?.TotalSeconds ?? -1,
            ["bound-seconds"] = Bound.TotalSeconds,
        };
        var summary = (judged is { } j ? $"stalled {j.TotalSeconds:0.0} s" : "stalled for the rest of the run") +
                      $" (longest without any ack {longest.TotalSeconds:0.0} s{detail})";
        examples.AddRange(stalls.Where(s => s.Duration > Bound).Take(10).Select(s => $"no ack {s}"));
        return judged is { } t && t <= Bound ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers, examples);
    }
}

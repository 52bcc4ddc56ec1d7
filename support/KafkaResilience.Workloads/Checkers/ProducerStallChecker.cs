using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// How long the producer stalled, at most a bound. Two measures, the larger judged: the longest time without
/// any ack while sends were outstanding (<see cref="StallChecker"/>), and, after the first fault, the time to
/// the first ack on every partition the faulted broker led (<see cref="RecoveryTimeChecker"/>; the other
/// partitions keep acking and would hide that stall). A led partition that never acked again stalled for the
/// rest of the run, unless it had no send outstanding after the fault: then it has no stall to time (a send that
/// finished before the fault, or whose last sends all went to other partitions). That is proven when every send
/// had its outcome by the end, none failed or ended unknown from the fault's time bucket on (an outcome on the
/// partition after the fault that was not an ack), and the partition saw no ack after the fault. Without a fault,
/// or when the faulted broker led nothing, only the first measure counts. The partitions the faulted broker(s) led
/// are read from the history: the leaders recorded before the faults, and the brokers the first fault resolved to.
/// </summary>
public sealed class ProducerStallChecker : IChecker
{
    public const string CheckerName = "producer-stall";

    public ProducerStallChecker(TimeSpan bound)
    {
        if (bound <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bound), bound, "The stall bound must be positive.");
        Bound = bound;
    }

    public TimeSpan Bound { get; }

    public string Name => CheckerName;

    /// <summary>The partition numbers (of any topic) the first fault's broker(s) led before the faults, as the history recorded them.</summary>
    public static IReadOnlyList<int> FaultedPartitions(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Faults.FirstOrDefault() is not { } fault || fault.Brokers.Count == 0) return [];
        return [.. history.Leaders.Where(l => l.Moment == LeadersMoment.BeforeFaults)
            .SelectMany(l => l.Leaders.Leaders).Where(l => l.Value is { } b && fault.Brokers.Contains(b)).Select(l => l.Key).Distinct().Order()];
    }

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var faultedPartitions = FaultedPartitions(history);
        var stalls = StallChecker.Stalls(history, StallSide.Producer);
        var longest = stalls.Count == 0 ? TimeSpan.Zero : stalls.Max(s => s.Duration);
        var judged = (TimeSpan?)longest;
        var detail = "";
        var examples = new List<string>();
        if (history.Faults.FirstOrDefault() is { } fault)
        {
            if (faultedPartitions.Count == 0)
            {
                detail = $"; after '{fault.Name}': " + (fault.FirstAckAfter is { } a ? $"first ack after {(a - fault.InjectedAt).TotalSeconds:0.000} s" : "no ack after it");
            }
            else
            {
                var nothingOutstanding = NothingOutstandingAfter(history, fault);
                var timed = faultedPartitions.Where(p => fault.FirstAckAfterOn(p) is not null || !nothingOutstanding).ToList();
                if (timed.Count > 0)
                {
                    var recovery = new RecoveryTimeChecker(null, maxToFirstAck: Bound, partitions: timed).Check(history);
                    var toAck = recovery.Numbers["to-first-ack-seconds"];
                    judged = toAck < 0 ? null : TimeSpan.FromSeconds(Math.Max(toAck, longest.TotalSeconds));
                    examples.AddRange(recovery.Examples.Where(e => !e.StartsWith("partition ", StringComparison.Ordinal)));
                }
                detail = $"; after '{fault.Name}': " + string.Join(", ", faultedPartitions.Select(p => fault.FirstAckAfterOn(p) is { } at
                    ? $"partition {p} acked again after {(at - fault.InjectedAt).TotalSeconds:0.000} s"
                    : timed.Contains(p) ? $"partition {p} never acked again" : $"partition {p} had no send outstanding after it (no stall to time)"));
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

    /// <summary>
    /// True when no send can have been outstanding after the fault except those acknowledged after it: every send has
    /// its outcome, and none failed or ended unknown from the fault's time bucket on (those outcomes carry no
    /// partition in the history, so any of them may have been the faulted partition's).
    /// </summary>
    private static bool NothingOutstandingAfter(HistorySnapshot history, FaultMark fault)
    {
        if (history.TotalPending > 0) return false;
        var from = (int)Math.Floor(fault.InjectedAt / history.BucketWidth);
        return !history.Failed.Buckets.Skip(from).Any(n => n > 0) && !history.Unknown.Buckets.Skip(from).Any(n => n > 0);
    }
}

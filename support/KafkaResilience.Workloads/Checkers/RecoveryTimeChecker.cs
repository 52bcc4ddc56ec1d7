using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Recovery time after a fault: from injection to the first ack and to the first read after it.
/// With <paramref name="partitions"/> (e.g. those the lost broker led) the time is the slowest of
/// those partitions' first ack/read, so traffic on unaffected partitions does not hide the stall.
/// A bound that is exceeded, or a recovery that never came, is Invalid. A null <paramref name="faultName"/>
/// means the first fault of the run (the one "the kill" or "the fault" of a scenario names).
/// <see cref="OnEveryPartition"/> times every partition of the topics the history says the scenario created.
/// </summary>
public sealed class RecoveryTimeChecker(string? faultName, TimeSpan? maxToFirstAck = null, TimeSpan? maxToFirstConsume = null, IReadOnlyList<int>? partitions = null) : IChecker
{
    public const string CheckerName = "recovery";

    private bool EveryPartition { get; init; }


    public string Name => CheckerName;

    /// <summary>Recovery on every partition number of the scenario's topics (0 .. the largest partition count - 1), as its history recorded them.</summary>
    public static RecoveryTimeChecker OnEveryPartition(string? faultName, TimeSpan? maxToFirstAck = null, TimeSpan? maxToFirstConsume = null) =>
        new(faultName, maxToFirstAck, maxToFirstConsume) { EveryPartition = true };

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        IReadOnlyList<int>? timed = EveryPartition
            ? [.. Enumerable.Range(0, history.Topics.Count == 0 ? 0 : history.Topics.Max(t => t.Partitions))]
            : partitions;
        var fault = faultName is null ? history.Faults.FirstOrDefault() : history.Faults.LastOrDefault(f => f.Name == faultName);
        if (fault is null)
            return Verdict.Unknown(Name, faultName is null
                ? "no fault was injected, so there is nothing to recover from"
                : $"no fault named '{faultName}' on the timeline (present: {string.Join(", ", history.Faults.Select(f => f.Name))})");
        var ack = RecoveredAt(timed, fault.FirstAckAfter, fault.FirstAckAfterOn);
        var read = RecoveredAt(timed, fault.FirstConsumeAfter, fault.FirstConsumeAfterOn);
        var toAck = ack - fault.InjectedAt;
        var toRead = read - fault.InjectedAt;
        var numbers = new Dictionary<string, double>
        {
            ["injected-at-seconds"] = fault.InjectedAt.TotalSeconds,
            ["to-first-ack-seconds"] = toAck?.TotalSeconds ?? -1,
            ["to-first-consume-seconds"] = toRead?.TotalSeconds ?? -1,
        };
        var problems = new List<string>();
        if (maxToFirstAck is { } maxAck && (toAck is null || toAck > maxAck))
            problems.Add(toAck is null ? "no ack after the fault" : $"first ack {toAck.Value.TotalSeconds:0.000}s after the fault > {maxAck.TotalSeconds:0.###}s");
        if (maxToFirstConsume is { } maxRead && (toRead is null || toRead > maxRead))
            problems.Add(toRead is null ? "no read after the fault" : $"first read {toRead.Value.TotalSeconds:0.000}s after the fault > {maxRead.TotalSeconds:0.###}s");
        var scope = timed is { Count: > 0 } ? $" on partitions {string.Join(",", timed)}" : "";
        var summary = $"{fault}: first ack{scope} after {Show(toAck)}, first read{scope} after {Show(toRead)}";
        var perPartition = (timed ?? []).Select(p =>
            $"partition {p}: first ack after {Show(fault.FirstAckAfterOn(p) - fault.InjectedAt)}, first read after {Show(fault.FirstConsumeAfterOn(p) - fault.InjectedAt)}");
        return problems.Count > 0
            ? Verdict.Invalid(Name, summary, numbers, [.. problems, .. perPartition])
            : Verdict.Valid(Name, summary, numbers, [.. perPartition]);
    }

    private static TimeSpan? RecoveredAt(IReadOnlyList<int>? timed, TimeSpan? overall, Func<int, TimeSpan?> onPartition)
    {
        if (timed is not { Count: > 0 }) return overall;
        TimeSpan? slowest = null;
        foreach (var p in timed)
        {
            if (onPartition(p) is not { } at) return null;
            if (slowest is null || at > slowest) slowest = at;
        }
        return slowest;
    }

    private static string Show(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.000}s" : "never";
}

using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Order within a partition: a record of a producer stream at a later offset must not carry an
/// earlier sequence than one read before it (second copies of a record are duplicates, not
/// reorders). What max.in.flight > 1 with retries and no idempotence can break.
/// </summary>
public sealed class ReorderChecker : IChecker
{
    public const string CheckerName = "order";

    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadsOfAckedTopics()];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var numbers = new Dictionary<string, double> { ["reordered"] = history.Reordered, ["read"] = history.TotalConsumed };
        if (history.Reordered > 0)
            return Verdict.Invalid(Name, $"{history.Reordered} records read after a later sequence of their stream in the same partition",
                numbers, history.ReorderSamples.Select(s => s.ToString()).ToList());
        if (history.TotalConsumed == 0)
            return Verdict.Unknown(Name, "nothing was read: order cannot be judged", numbers);
        return Verdict.Valid(Name, $"order kept within every partition ({history.TotalConsumed} read)", numbers);
    }
}

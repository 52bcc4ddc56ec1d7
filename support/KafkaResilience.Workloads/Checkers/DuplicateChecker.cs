using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Duplicates of two kinds, told apart: written twice (the same producer id and sequence at two
/// offsets: a producer retry without idempotence) and delivered twice (the same offset read
/// again: a consumer restart or rebalance before a commit). Each kind is invalid unless the
/// scenario allows it (e.g. auto-commit with a crash allows delivered-twice); both are always counted.
/// </summary>
public sealed class DuplicateChecker : IChecker
{
    public const string CheckerName = "duplicates";

    public DuplicateChecker(bool allowWrittenTwice = false, bool allowDeliveredTwice = false)
    {
        AllowWrittenTwice = allowWrittenTwice;
        AllowDeliveredTwice = allowDeliveredTwice;
    }

    public bool AllowWrittenTwice { get; }
    public bool AllowDeliveredTwice { get; }
    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadsOfAckedTopics()];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var numbers = new Dictionary<string, double>
        {
            ["written-twice"] = history.WrittenTwice,
            ["delivered-twice"] = history.DeliveredTwice,
            ["read"] = history.TotalConsumed,
        };
        var summary = $"{history.WrittenTwice} written twice{(AllowWrittenTwice ? " (allowed)" : "")}, " +
                      $"{history.DeliveredTwice} delivered twice{(AllowDeliveredTwice ? " (allowed)" : "")}, of {history.TotalConsumed} read";
        var badWritten = !AllowWrittenTwice && history.WrittenTwice > 0;
        var badDelivered = !AllowDeliveredTwice && history.DeliveredTwice > 0;
        if (badWritten || badDelivered)
        {
            var examples = (badWritten ? history.WrittenTwiceSamples : []).Concat(badDelivered ? history.DeliveredTwiceSamples : [])
                .Select(s => s.ToString()).ToList();
            return Verdict.Invalid(Name, summary, numbers, examples);
        }
        if (history.TotalConsumed == 0)
            return Verdict.Unknown(Name, "nothing was read: duplicates cannot be judged", numbers);
        return Verdict.Valid(Name, summary, numbers);
    }
}

using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// One count of a delivery row, measured by the checker that owns it (lost: <see cref="LostChecker"/>; written or
/// delivered twice: <see cref="DuplicateChecker"/>; out of order: <see cref="ReorderChecker"/>; failed sends: the
/// send's own outcomes) and compared with an exact number, or only reported when the settings allow any
/// (<see cref="Exactly"/> null). The exact number is always in the verdict.
/// </summary>
public sealed class DeliveryCountChecker : IChecker
{
    public DeliveryCountChecker(DeliveryCount count, long? exactly, IReadOnlyCollection<int> sendStreamIds)
    {
        if (!Enum.IsDefined(count)) throw new ArgumentOutOfRangeException(nameof(count), count, $"Allowed: {string.Join(", ", Enum.GetNames<DeliveryCount>())}.");
        if (exactly is < 0) throw new ArgumentOutOfRangeException(nameof(exactly), exactly, "An expected count must be 0 or more.");
        ArgumentNullException.ThrowIfNull(sendStreamIds);
        Count = count;
        Exactly = exactly;
        SendStreamIds = sendStreamIds;
    }

    public DeliveryCount Count { get; }
    public long? Exactly { get; }
    public IReadOnlyCollection<int> SendStreamIds { get; }
    public string Name => Words(Count);

    public IReadOnlyList<IEvidenceNeed> Needs => Count == DeliveryCount.FailedSends ? [] : [new ReadsOfAckedTopics()];

    /// <summary>How a feature names the count ("lost messages").</summary>
    public static string Words(DeliveryCount count) => count switch
    {
        DeliveryCount.LostMessages => "lost messages",
        DeliveryCount.NeverProcessed => "messages the consumers never processed",
        DeliveryCount.WrittenTwice => "messages written twice",
        DeliveryCount.DeliveredTwice => "messages delivered twice",
        DeliveryCount.OutOfOrder => "messages out of order",
        DeliveryCount.FailedSends => "failed sends",
        _ => throw new ArgumentOutOfRangeException(nameof(count), count, $"Allowed: {string.Join(", ", Enum.GetNames<DeliveryCount>())}."),
    };

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lost = new LostChecker().Check(history);
        var unread = (long)lost.Numbers["unknown-not-read"];
        var (measured, detail) = Count switch
        {
            DeliveryCount.LostMessages or DeliveryCount.NeverProcessed =>
                ((long)lost.Numbers["lost"], $"{lost.Numbers["lost"]:N0} acknowledged and never read; besides, {lost.Numbers["below-log-start"]:N0} were {LossCauses.SkippedByCluster}, {unread:N0} sends with an unknown outcome (acks=0, timeouts) were never read and {history.TotalFailed:N0} failed"),
            DeliveryCount.WrittenTwice => Duplicates(history, "written-twice", "records written twice by the producer (same id, two offsets)"),
            DeliveryCount.DeliveredTwice => Duplicates(history, "delivered-twice", "records delivered twice to the consumers (same offset read again)"),
            DeliveryCount.OutOfOrder =>
                ((long)new ReorderChecker().Check(history).Numbers["reordered"], "records read after a later one of their stream in the same partition"),
            _ => FailedSends(history),
        };
        if (Count is DeliveryCount.WrittenTwice or DeliveryCount.DeliveredTwice or DeliveryCount.OutOfOrder) detail = $"{measured:N0} {detail}";
        var numbers = new Dictionary<string, double> { ["count"] = measured, ["unknown-not-read"] = unread };
        if (Exactly is { } expected) numbers["expected"] = expected;
        var summary = $"{measured:N0}: {detail}";
        if (Exactly is not null && measured != Exactly) return Verdict.Invalid(Name, summary, numbers);
        // A loss count that matches while the cluster skipped records is no proof: those could have been lost too.
        var skipped = (long)lost.Numbers["below-log-start"];
        if (Exactly is not null && skipped > 0 && Count is DeliveryCount.LostMessages or DeliveryCount.NeverProcessed)
        {
            numbers["below-log-start"] = skipped;
            return Verdict.Unknown(Name, $"{summary}; the {skipped:N0} {LossCauses.SkippedByCluster} cannot be counted either way", numbers);
        }
        return Verdict.Valid(Name, summary, numbers);
    }

    private static (long, string) Duplicates(HistorySnapshot history, string key, string what) =>
        ((long)new DuplicateChecker(allowWrittenTwice: true, allowDeliveredTwice: true).Check(history).Numbers[key], what);

    private (long, string) FailedSends(HistorySnapshot history)
    {
        var send = SendTotals.Of(history, SendStreamIds);
        return (send.Failed + send.Unknown, $"{send.Failed:N0} failed and {send.Unknown:N0} with an unknown outcome of {send.Sent:N0} sent ({send.Ok:N0} acknowledged)");
    }
}

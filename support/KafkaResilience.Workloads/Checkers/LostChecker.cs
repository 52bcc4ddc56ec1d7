using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Acknowledged ok and never read (Kafka's validate_delivery: acked minus consumed), each record put
/// down to the cause the history proves:
/// <list type="bullet">
/// <item>below the log-start offset: its offset lies in a range a consumer skipped because the partition's
/// log began above it when the consumer got there (an offset reset to the log start, or a first read at the
/// log start). The target dropped it (retention or truncation; on the embedded target, the mock's ~5 MiB per
/// partition). It is named as such, never called lost, and loss cannot be judged for it (Unknown).</item>
/// <item>never reached: no consumer read its offset, nor found it below the log start, before the end.</item>
/// <item>overwritten: its offset was read, with other content (the record itself never was): written over,
/// as after an unclean leader election.</item>
/// <item>acknowledged without an offset (acks=0): no cause can be proven.</item>
/// </list>
/// Each lost record has one acknowledged offset, so the first two are counted per partition offset: the
/// acknowledged offsets no consumer read, inside or outside the ranges skipped to the log start. The lost
/// records those do not cover had their offset read with other content. (A record written twice whose
/// acknowledged copy was never read, while its other copy was, would be counted here in its stead.)
/// Sends with an unknown outcome (timeouts, PossiblyPersisted, never reported) are counted apart, read or
/// not: they may or may not have been written, so they are never called lost.
/// </summary>
public sealed class LostChecker : IChecker
{
    public const string CheckerName = "lost";
    private readonly int _exampleLimit;

    public LostChecker(int exampleLimit = 10) => _exampleLimit = exampleLimit;

    public string Name => CheckerName;

    public IReadOnlyList<IEvidenceNeed> Needs => [new ReadsOfAckedTopics()];

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        long notRead = 0, unknownRead = 0, unknownUnread = 0, failedRead = 0, pendingRead = 0, pendingUnread = 0;
        var examples = new List<string>();
        history.Scan((outcome, read) => !(outcome == SendOutcome.Ok && read), (producer, seq, outcome, read) =>
        {
            switch (outcome)
            {
                case SendOutcome.Ok:
                    notRead++;
                    if (examples.Count < _exampleLimit) examples.Add($"p{producer}#{seq}");
                    break;
                case SendOutcome.Unknown when read: unknownRead++; break;
                case SendOutcome.Unknown: unknownUnread++; break;
                case SendOutcome.Failed when read: failedRead++; break;
                case SendOutcome.Pending when read: pendingRead++; break;
                case SendOutcome.Pending: pendingUnread++; break;
            }
        });
        var (unreadOffsets, unreadBelowLogStart) = UnreadAckedOffsets(history);
        var causes = Attribute(notRead, unreadOffsets, unreadBelowLogStart, history.OkWithoutOffset);
        var lost = causes.NeverReached + causes.Overwritten + causes.WithoutOffset;
        var numbers = new Dictionary<string, double>
        {
            ["sent"] = history.TotalSent,
            ["acked"] = history.TotalOk,
            ["acked-read"] = history.TotalOk - notRead,
            ["lost"] = lost,
            ["lost-never-reached"] = causes.NeverReached,
            ["lost-overwritten"] = causes.Overwritten,
            ["lost-without-offset"] = causes.WithoutOffset,
            ["below-log-start"] = causes.BelowLogStart,
            ["acked-offsets-unread"] = unreadOffsets,
            ["acked-twice-at-offset"] = history.AckedTwiceAtOffset,
            ["offset-resets"] = history.OffsetResets.Count,
            ["failed"] = history.TotalFailed,
            ["failed-but-read"] = failedRead,
            ["unknown"] = history.TotalUnknown + history.TotalPending,
            ["unknown-read"] = unknownRead + pendingRead,
            ["unknown-not-read"] = unknownUnread + pendingUnread,
        };
        var detail = $"{history.TotalOk:N0} acked, {history.TotalOk - notRead:N0} read, {lost:N0} lost{Describe(causes)}" +
                     (causes.BelowLogStart > 0 ? $"; {causes.BelowLogStart:N0} {LossCauses.SkippedByCluster}: the target dropped them before a consumer got there, so whether they would have been lost is not judged" : "") +
                     $"; {history.TotalUnknown + history.TotalPending:N0} unknown ({unknownRead + pendingRead:N0} read, {unknownUnread + pendingUnread:N0} not); " +
                     $"{history.TotalFailed:N0} failed ({failedRead:N0} read anyway)";
        if (history.TotalSent == 0)
            return Verdict.Unknown(Name, "nothing was sent: nothing to judge", numbers);
        if (lost > 0)
            return Verdict.Invalid(Name, detail, numbers, examples);
        if (history.TotalOk == 0)
            return Verdict.Unknown(Name, "no send was acknowledged: loss cannot be judged; " + detail, numbers);
        if (causes.BelowLogStart > 0)
            return Verdict.Unknown(Name, "loss cannot be judged for records the target dropped before they were read: " + detail, numbers, examples);
        return Verdict.Valid(Name, detail, numbers);
    }

    /// <summary>
    /// Puts the <paramref name="notRead"/> acknowledged records never read down to causes: below the log start
    /// and never reached as many as the unread acknowledged offsets inside and outside the ranges skipped to
    /// the log start; then those acknowledged without an offset; the rest had their offset read with other
    /// content (overwritten). Each count is capped by what is left, so the causes add up to <paramref name="notRead"/>.
    /// </summary>
    public static LossCauses Attribute(long notRead, long unreadAckedOffsets, long unreadBelowLogStart, long okWithoutOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(notRead);
        ArgumentOutOfRangeException.ThrowIfNegative(unreadBelowLogStart);
        ArgumentOutOfRangeException.ThrowIfLessThan(unreadAckedOffsets, unreadBelowLogStart);
        var below = Math.Min(unreadBelowLogStart, notRead);
        var never = Math.Min(unreadAckedOffsets - unreadBelowLogStart, notRead - below);
        var withoutOffset = Math.Min(Math.Max(0, okWithoutOffset), notRead - below - never);
        return new LossCauses(below, never, notRead - below - never - withoutOffset, withoutOffset);
    }

    /// <summary>
    /// Acknowledged offsets that consumers whose name <paramref name="consumer"/> accepts (a group's members)
    /// found below the log-start offset: inside the ranges their resets to the log start skipped, read by
    /// anyone else or not. What a group that came late could not have read, whoever else did.
    /// </summary>
    public static long AckedBelowLogStart(HistorySnapshot history, Func<string, bool> consumer)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(consumer);
        return SkippedToLogStart(history, consumer).Sum(p => p.Ranges.Sum(r => history.CountAcked(p.Topic, p.Partition, r.From, r.To).Acked));
    }

    /// <summary>Acknowledged offsets no consumer read, in all, and of them those inside a range some consumer skipped to the log start.</summary>
    private static (long Unread, long BelowLogStart) UnreadAckedOffsets(HistorySnapshot history)
    {
        long unread = 0, below = 0;
        foreach (var (topic, partition) in history.Partitions)
            unread += history.CountAcked(topic, partition).Unread;
        foreach (var p in SkippedToLogStart(history, _ => true))
            below += p.Ranges.Sum(r => history.CountAcked(p.Topic, p.Partition, r.From, r.To).Unread);
        return (unread, below);
    }

    /// <summary>Per partition, the merged offset ranges [From, To) that the chosen consumers' resets to the log start skipped.</summary>
    private static IEnumerable<(int Topic, int Partition, List<(long From, long To)> Ranges)> SkippedToLogStart(HistorySnapshot history, Func<string, bool> consumer) =>
        history.NumberedResets
            .Where(r => r.Reset.Kind == OffsetResetKind.ToLogStart && r.Reset.Skipped > 0 && consumer(r.Reset.Consumer))
            .GroupBy(r => (r.Topic, r.Reset.Partition))
            .Select(g => (g.Key.Topic, g.Key.Partition, Merge(g.Select(r => (r.Reset.From, r.Reset.To!.Value)))));

    private static List<(long From, long To)> Merge(IEnumerable<(long From, long To)> ranges)
    {
        var merged = new List<(long From, long To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            else
                merged.Add((from, to));
        }
        return merged;
    }

    private static string Describe(LossCauses c)
    {
        var parts = new List<string>();
        if (c.NeverReached > 0) parts.Add($"{c.NeverReached:N0} never reached by a consumer");
        if (c.Overwritten > 0) parts.Add($"{c.Overwritten:N0} overwritten (acknowledged at an offset later read with other content)");
        if (c.WithoutOffset > 0) parts.Add($"{c.WithoutOffset:N0} acknowledged without an offset (acks=0), cause unknown");
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}

using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Lost = acknowledged ok and never read (Kafka's validate_delivery: acked minus consumed).
/// Sends with an unknown outcome (timeouts, PossiblyPersisted, never reported) are counted apart,
/// read or not: they may or may not have been written, so they are never called lost.
/// </summary>
public sealed class LostChecker : IChecker
{
    public const string CheckerName = "lost";
    private readonly int _exampleLimit;

    public LostChecker(int exampleLimit = 10) => _exampleLimit = exampleLimit;

    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        long lost = 0, unknownRead = 0, unknownUnread = 0, failedRead = 0, pendingRead = 0, pendingUnread = 0;
        var examples = new List<string>();
        history.Scan((outcome, read) => !(outcome == SendOutcome.Ok && read), (producer, seq, outcome, read) =>
        {
            switch (outcome)
            {
                case SendOutcome.Ok:
                    lost++;
                    if (examples.Count < _exampleLimit) examples.Add($"p{producer}#{seq}");
                    break;
                case SendOutcome.Unknown when read: unknownRead++; break;
                case SendOutcome.Unknown: unknownUnread++; break;
                case SendOutcome.Failed when read: failedRead++; break;
                case SendOutcome.Pending when read: pendingRead++; break;
                case SendOutcome.Pending: pendingUnread++; break;
            }
        });
        var okRead = history.TotalOk - lost;
        var numbers = new Dictionary<string, double>
        {
            ["sent"] = history.TotalSent,
            ["acked"] = history.TotalOk,
            ["acked-read"] = okRead,
            ["lost"] = lost,
            ["failed"] = history.TotalFailed,
            ["failed-but-read"] = failedRead,
            ["unknown"] = history.TotalUnknown + history.TotalPending,
            ["unknown-read"] = unknownRead + pendingRead,
            ["unknown-not-read"] = unknownUnread + pendingUnread,
        };
        var detail = $"{history.TotalOk} acked, {lost} lost; {history.TotalUnknown + history.TotalPending} unknown " +
                     $"({unknownRead + pendingRead} read, {unknownUnread + pendingUnread} not); {history.TotalFailed} failed ({failedRead} read anyway)";
        if (history.TotalSent == 0)
            return Verdict.Unknown(Name, "nothing was sent: nothing to judge", numbers);
        if (lost > 0)
            return Verdict.Invalid(Name, detail, numbers, examples);
        if (history.TotalOk == 0)
            return Verdict.Unknown(Name, "no send was acknowledged: loss cannot be judged; " + detail, numbers);
        return Verdict.Valid(Name, detail, numbers);
    }
}

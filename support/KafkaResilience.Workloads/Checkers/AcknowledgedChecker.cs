using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// At least <see cref="Expected"/> sends of one send's streams ended acknowledged ("every message was acknowledged":
/// all of them). Failed and unknown outcomes and sends still without one are counted apart in the summary.
/// </summary>
public sealed class AcknowledgedChecker : IChecker
{
    public const string CheckerName = "acknowledged";

    public AcknowledgedChecker(IReadOnlyCollection<int> streamIds, long expected, string name = CheckerName)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        StreamIds = streamIds;
        Expected = expected;
        Name = name;
    }

    public IReadOnlyCollection<int> StreamIds { get; }
    public long Expected { get; }
    public string Name { get; }

    public Verdict Check(HistorySnapshot history)
    {
        var send = SendTotals.Of(history, StreamIds);
        var numbers = new Dictionary<string, double>
        {
            ["sent"] = send.Sent, ["acked"] = send.Ok, ["failed"] = send.Failed, ["unknown"] = send.Unknown,
            ["without-outcome"] = send.Pending, ["expected"] = Expected,
        };
        if (send.Streams == 0)
            return Verdict.Unknown(Name, "the send recorded no stream: nothing to judge", numbers);
        var summary = $"{send.Ok:N0} of {Expected:N0} acknowledged, {send.Failed:N0} failed, {send.Unknown:N0} unknown, {send.Pending:N0} without outcome";
        return send.Ok >= Expected ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}

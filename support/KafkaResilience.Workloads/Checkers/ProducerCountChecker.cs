using System.Globalization;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// The seed's counting interceptor: the send's successes (acknowledged) and failures (failed or unknown) are
/// exactly the stated numbers; its summary is the interceptor's line (success, failure, elapsed).
/// </summary>
public sealed class ProducerCountChecker : IChecker
{
    public const string CheckerName = "producer-counts";

    public ProducerCountChecker(IReadOnlyCollection<int> streamIds, long successes, long failures)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        StreamIds = streamIds;
        Successes = successes;
        Failures = failures;
    }

    public IReadOnlyCollection<int> StreamIds { get; }
    public long Successes { get; }
    public long Failures { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        var send = SendTotals.Of(history, StreamIds);
        var failures = send.Failed + send.Unknown;
        var numbers = new Dictionary<string, double>
        {
            ["success"] = send.Ok, ["failure"] = failures, ["expected-success"] = Successes, ["expected-failure"] = Failures,
            ["elapsed-ms"] = send.Seconds * 1000,
        };
        if (send.Streams == 0)
            return Verdict.Unknown(Name, "the send recorded no stream: nothing to judge", numbers);
        var summary = string.Create(CultureInfo.InvariantCulture, $"success={send.Ok}, failure={failures}, elapsed={send.Seconds * 1000:0} ms");
        return send.Ok == Successes && failures == Failures ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}

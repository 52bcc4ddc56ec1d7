using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A producer throughput floor over one send: acknowledged sends per second from the send's first send to its
/// last outcome (<see cref="SendTotals"/>), never over the set-up before it or another send.
/// </summary>
public sealed class SendRateChecker : IChecker
{
    public const string CheckerName = "producer-rate";

    public SendRateChecker(IReadOnlyCollection<int> streamIds, double floorPerSecond)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        if (floorPerSecond < 0 || double.IsNaN(floorPerSecond))
            throw new ArgumentOutOfRangeException(nameof(floorPerSecond), floorPerSecond, "The floor must be >= 0 messages per second.");
        StreamIds = streamIds;
        FloorPerSecond = floorPerSecond;
    }

    public IReadOnlyCollection<int> StreamIds { get; }
    public double FloorPerSecond { get; }
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        var send = SendTotals.Of(history, StreamIds);
        var rate = send.AckedPerSecond;
        var numbers = new Dictionary<string, double> { ["rate"] = rate, ["floor"] = FloorPerSecond, ["acked"] = send.Ok, ["seconds"] = send.Seconds };
        if (send.Streams == 0)
            return Verdict.Unknown(Name, "the send recorded no stream: nothing to judge", numbers);
        var summary = $"{rate:N0} msg/s ({send.Ok:N0} acknowledged in {send.Seconds:0.000} s)";
        return rate >= FloorPerSecond ? Verdict.Valid(Name, summary, numbers) : Verdict.Invalid(Name, summary, numbers);
    }
}

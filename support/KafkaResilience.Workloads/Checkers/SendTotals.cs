using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What a set of producer streams (one send of a scenario) recorded: counts by outcome and its send window,
/// from the first send to the last outcome (kafka-producer-perf-test's window: first send to last acknowledgement).
/// </summary>
public sealed record SendTotals(int Streams, long Sent, long Ok, long Failed, long Unknown, long Pending, TimeSpan? FirstSendAt, TimeSpan? LastOutcomeAt)
{
    /// <summary>Seconds from the first send to the last outcome (0 when there is no such window).</summary>
    public double Seconds => FirstSendAt is { } first && LastOutcomeAt is { } last && last > first ? (last - first).TotalSeconds : 0;

    /// <summary>Acknowledged sends per second over the send window (0 without a window).</summary>
    public double AckedPerSecond => Seconds > 0 ? Ok / Seconds : 0;

    /// <summary>The totals of the streams whose producer ids are <paramref name="streamIds"/>.</summary>
    public static SendTotals Of(HistorySnapshot history, IReadOnlyCollection<int> streamIds)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(streamIds);
        var streams = history.Producers.Where(p => streamIds.Contains(p.Id)).ToList();
        return new SendTotals(streams.Count, streams.Sum(s => s.Sent), streams.Sum(s => s.Ok), streams.Sum(s => s.Failed),
            streams.Sum(s => s.Unknown), streams.Sum(s => s.Pending),
            streams.Where(s => s.FirstSendAt is not null).Select(s => s.FirstSendAt).Min(),
            streams.Select(s => s.LastOutcomeAt ?? s.LastSendAt).Max());
    }
}

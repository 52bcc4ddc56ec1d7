using System.Text.Json;
using System.Text.Json.Serialization;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// The dump of a run's history for the report: totals, every producer stream and consumer, the
/// per-second series (sent, acknowledged, failed, unknown, consumed), the duplicate and order
/// counts, latency percentiles, faults, rebalances, offset resets and events. Plain data; the bitmaps themselves
/// stay in the ledger (100M messages would not fit an attachment).
/// </summary>
public sealed record HistorySummary(
    double DurationSeconds,
    DateTimeOffset StartedAt,
    long Sent,
    long Acknowledged,
    long Failed,
    long Unknown,
    long Pending,
    long Consumed,
    long WrittenTwice,
    long DeliveredTwice,
    long Reordered,
    long Foreign,
    IReadOnlyList<ProducerStreamSummary> Producers,
    IReadOnlyList<ConsumerSummary> Consumers,
    IReadOnlyDictionary<string, long[]> PerSecond,
    IReadOnlyDictionary<string, LatencySummary> Latency,
    IReadOnlyList<FaultSummary> Faults,
    IReadOnlyList<RebalanceEvent> Rebalances,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<OffsetReset> OffsetResets)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static HistorySummary Of(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        static long[] Seconds(TimeSeries series) => series.PerSecond().Select(p => p.Value).ToArray();
        return new HistorySummary(
            history.Duration.TotalSeconds,
            history.OriginWallClock,
            history.TotalSent,
            history.TotalOk,
            history.TotalFailed,
            history.TotalUnknown,
            history.TotalPending,
            history.TotalConsumed,
            history.WrittenTwice,
            history.DeliveredTwice,
            history.Reordered,
            history.Foreign,
            history.Producers,
            history.Consumers,
            new Dictionary<string, long[]>
            {
                ["sent"] = Seconds(history.Sent),
                ["acknowledged"] = Seconds(history.Acked),
                ["failed"] = Seconds(history.Failed),
                ["unknown"] = Seconds(history.Unknown),
                ["consumed"] = Seconds(history.Consumed),
            },
            new Dictionary<string, LatencySummary>
            {
                ["ack"] = LatencySummary.Of(history.AckLatency),
                ["endToEnd"] = LatencySummary.Of(history.EndToEndLatency),
            },
            history.Faults.Select(f => new FaultSummary(f.Name, f.Description, f.InjectedAt.TotalSeconds, f.HealedAt?.TotalSeconds,
                f.FirstAckAfter?.TotalSeconds, f.FirstConsumeAfter?.TotalSeconds)).ToList(),
            history.Rebalances,
            history.Events,
            history.OffsetResets);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

using System.Globalization;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Performance;

/// <summary>
/// The numbers as people know them: the line kafka-producer-perf-test prints, and the fields of
/// kafka-consumer-perf-test (MB consumed, MB/sec, messages, messages/sec), from a history.
/// Percentiles keep two decimals (the Java tool rounds to whole ms, useless on loopback).
/// </summary>
public static class PerfReport
{
    private const double MiB = 1024 * 1024;

    /// <summary>"N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, p95 ms 95th, p99 ms 99th, p999 ms 99.9th."</summary>
    public static string ProducerLine(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (records, seconds, bytes) = ProducerTotals(history);
        var rate = seconds > 0 ? records / seconds : 0;
        var mb = seconds > 0 ? bytes / MiB / seconds : 0;
        var l = history.AckLatency;
        return string.Create(CultureInfo.InvariantCulture,
            $"{records} records sent, {rate:0.0} records/sec ({mb:0.00} MB/sec), {l.MeanMs:0.00} ms avg latency, {l.MaxMs:0.00} ms max latency, " +
            $"{l.P50Ms:0.00} ms 50th, {l.P95Ms:0.00} ms 95th, {l.P99Ms:0.00} ms 99th, {l.P999Ms:0.00} ms 99.9th.");
    }

    /// <summary>The consumer-perf-test header line.</summary>
    public const string ConsumerHeader = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec";

    /// <summary>The consumer-perf-test values: first to last read over all consumers.</summary>
    public static string ConsumerLine(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (messages, seconds, bytes) = ConsumerTotals(history);
        var first = history.Consumers.Where(c => c.FirstAt is not null).Select(c => c.FirstAt!.Value).DefaultIfEmpty().Min();
        var last = history.Consumers.Where(c => c.LastAt is not null).Select(c => c.LastAt!.Value).DefaultIfEmpty().Max();
        var mb = bytes / MiB;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(history.OriginWallClock + first):yyyy-MM-dd HH:mm:ss:fff}, {(history.OriginWallClock + last):yyyy-MM-dd HH:mm:ss:fff}, " +
            $"{mb:0.0000}, {(seconds > 0 ? mb / seconds : 0):0.0000}, {messages}, {(seconds > 0 ? messages / seconds : 0):0.0000}");
    }

    /// <summary>Records with an outcome, seconds from first send to last outcome, bytes sent.</summary>
    public static (long Records, double Seconds, long Bytes) ProducerTotals(HistorySnapshot history)
    {
        var streams = history.Producers.Where(p => p.FirstSendAt is not null).ToList();
        if (streams.Count == 0) return (0, 0, 0);
        var first = streams.Min(p => p.FirstSendAt!.Value);
        var last = streams.Max(p => p.LastOutcomeAt ?? p.LastSendAt!.Value);
        var records = streams.Sum(p => p.Ok + p.Failed + p.Unknown);
        return (records, (last - first).TotalSeconds, streams.Sum(p => (p.Ok + p.Failed + p.Unknown) * (long)p.MessageSize));
    }

    /// <summary>Records read, seconds from first to last read, bytes read.</summary>
    public static (long Messages, double Seconds, long Bytes) ConsumerTotals(HistorySnapshot history)
    {
        var active = history.Consumers.Where(c => c.FirstAt is not null).ToList();
        if (active.Count == 0) return (0, 0, 0);
        var seconds = (active.Max(c => c.LastAt!.Value) - active.Min(c => c.FirstAt!.Value)).TotalSeconds;
        return (active.Sum(c => c.Consumed), seconds, active.Sum(c => c.Bytes));
    }

    /// <summary>One line per consumer ("consumer-3: 0 records" shows an idle member).</summary>
    public static IEnumerable<string> PerConsumerLines(HistorySnapshot history) =>
        history.Consumers.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {c.Consumed} records, {c.Bytes / MiB:0.00} MB"));
}

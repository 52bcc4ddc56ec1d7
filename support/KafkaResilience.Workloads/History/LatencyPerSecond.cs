using System.Collections.Concurrent;
using HdrHistogram;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// One small thread-safe histogram per second of the run, so a chart can show how latency moved
/// around a fault. One significant digit (10 % resolution) and a 60 s ceiling keep a second to
/// about 2 KB, so a 25-minute run costs a few MB; the run-wide percentiles stay exact elsewhere.
/// </summary>
internal sealed class LatencyPerSecond
{
    private const long CeilingMicros = 60_000_000;
    private readonly ConcurrentDictionary<long, IntConcurrentHistogram> _seconds = new();

    public void Record(long second, long micros)
    {
        var histogram = _seconds.GetOrAdd(Math.Max(0, second), static _ => new IntConcurrentHistogram(1, CeilingMicros, 1));
        histogram.RecordValue(Math.Clamp(micros, 1, CeilingMicros));
    }

    public IReadOnlyList<LatencyPoint> Points() =>
        [.. _seconds.OrderBy(s => s.Key).Select(s => new LatencyPoint(
            (int)s.Key,
            s.Value.TotalCount,
            s.Value.GetValueAtPercentile(50) / 1000.0,
            s.Value.GetValueAtPercentile(99) / 1000.0,
            s.Value.GetMaxValue() / 1000.0))];
}

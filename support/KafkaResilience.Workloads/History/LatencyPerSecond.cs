using HdrHistogram;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// One small histogram per second of the run, kept by each producer stream (whose outcomes arrive
/// on one thread, like its run-wide histogram), so the ack path pays an array index and a record,
/// no lock and no interlocked operation. One significant digit (10 % resolution) and a 60 s ceiling
/// keep a second to about 2 KB. <see cref="Merge"/> adds the streams up second by second.
/// </summary>
internal sealed class LatencyPerSecond
{
    private const long CeilingMicros = 60_000_000;
    private IntHistogram?[] _seconds = new IntHistogram?[64];

    public void Record(long second, long micros)
    {
        if (second < 0) second = 0;
        var seconds = _seconds;
        if (second >= seconds.Length)
        {
            Array.Resize(ref seconds, (int)Math.Max(seconds.Length * 2L, second + 1));
            _seconds = seconds;
        }
        (seconds[second] ??= new IntHistogram(1, CeilingMicros, 1)).RecordValue(Math.Clamp(micros, 1, CeilingMicros));
    }

    public static IReadOnlyList<LatencyPoint> Merge(IEnumerable<LatencyPerSecond> streams)
    {
        // Seconds are small dense numbers: an array indexed by second merges them (a sorted dictionary's first
        // use is a cost a short benchmark run pays at its end; README, "Benchmark").
        var merged = Array.Empty<IntHistogram?>();
        foreach (var stream in streams)
        {
            var seconds = stream._seconds;
            if (seconds.Length > merged.Length) Array.Resize(ref merged, seconds.Length);
            for (var s = 0; s < seconds.Length; s++)
                if (seconds[s] is { } histogram)
                    (merged[s] ??= new IntHistogram(1, CeilingMicros, 1)).Add(histogram);
        }
        var points = new List<LatencyPoint>();
        for (var s = 0; s < merged.Length; s++)
        {
            if (merged[s] is not { } total) continue;
            points.Add(new LatencyPoint(s, total.TotalCount, total.GetValueAtPercentile(50) / 1000.0, total.GetValueAtPercentile(99) / 1000.0, total.GetMaxValue() / 1000.0));
        }
        return points;
    }
}

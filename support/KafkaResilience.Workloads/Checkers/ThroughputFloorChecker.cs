using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Throughput floors: the overall rate (records per second between the first and the last
/// non-empty bucket) and, optionally, the rate of every full window in between (e.g. each second).
/// </summary>
public sealed class ThroughputFloorChecker : IChecker
{
    public ThroughputFloorChecker(SeriesKind series, double minOverallPerSecond, double? minWindowPerSecond = null, TimeSpan? window = null)
    {
        if (minOverallPerSecond < 0 || double.IsNaN(minOverallPerSecond))
            throw new ArgumentOutOfRangeException(nameof(minOverallPerSecond), minOverallPerSecond, "The overall floor must be >= 0.");
        if (minWindowPerSecond is < 0 || (minWindowPerSecond is { } w && double.IsNaN(w)))
            throw new ArgumentOutOfRangeException(nameof(minWindowPerSecond), minWindowPerSecond, "The window floor must be >= 0.");
        if (window is { } win && win <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        Series = series;
        MinOverallPerSecond = minOverallPerSecond;
        MinWindowPerSecond = minWindowPerSecond;
        Window = window ?? TimeSpan.FromSeconds(1);
    }

    public SeriesKind Series { get; }
    public double MinOverallPerSecond { get; }
    public double? MinWindowPerSecond { get; }
    public TimeSpan Window { get; }
    public string Name => $"throughput-{Series.ToString().ToLowerInvariant()}";

    /// <summary>The series a kind names.</summary>
    public static TimeSeries SeriesOf(HistorySnapshot history, SeriesKind kind) => kind switch
    {
        SeriesKind.Sent => history.Sent,
        SeriesKind.Acked => history.Acked,
        SeriesKind.Consumed => history.Consumed,
        SeriesKind.ConsumedFirst => history.ConsumedFirst,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Allowed: Sent, Acked, Consumed, ConsumedFirst."),
    };

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var series = SeriesOf(history, Series);
        var buckets = series.Buckets;
        var first = -1;
        var last = -1;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i] == 0) continue;
            if (first < 0) first = i;
            last = i;
        }
        var numbers = new Dictionary<string, double> { ["floor-per-second"] = MinOverallPerSecond };
        if (first < 0)
        {
            numbers["total"] = 0;
            return Verdict.Invalid(Name, $"no {series.Name} records at all (floor {MinOverallPerSecond:N0}/s)", numbers);
        }
        var active = series.BucketWidth * (last - first + 1);
        long total = 0;
        for (var i = first; i <= last; i++) total += buckets[i];
        var overall = total / active.TotalSeconds;
        numbers["total"] = total;
        numbers["active-seconds"] = active.TotalSeconds;
        numbers["rate-per-second"] = overall;

        var failures = new List<string>();
        if (overall < MinOverallPerSecond)
            failures.Add($"overall {overall:N0}/s < {MinOverallPerSecond:N0}/s");
        if (MinWindowPerSecond is { } windowFloor)
        {
            var per = Math.Max(1, (int)Math.Round(Window / series.BucketWidth));
            var windowSeconds = (series.BucketWidth * per).TotalSeconds;
            var lowest = double.MaxValue;
            var windows = 0;
            for (var start = first; start + per - 1 <= last; start += per)
            {
                long sum = 0;
                for (var j = start; j < start + per; j++) sum += buckets[j];
                var rate = sum / windowSeconds;
                windows++;
                lowest = Math.Min(lowest, rate);
                if (rate < windowFloor)
                    failures.Add($"window at {(series.BucketWidth * start).TotalSeconds:0.0}s: {rate:N0}/s < {windowFloor:N0}/s");
            }
            numbers["window-floor-per-second"] = windowFloor;
            numbers["window-seconds"] = windowSeconds;
            numbers["windows"] = windows;
            numbers["lowest-window-per-second"] = windows == 0 ? 0 : lowest;
        }
        var summary = $"{series.Name}: {total:N0} records in {active.TotalSeconds:0.0}s = {overall:N0}/s";
        return failures.Count > 0
            ? Verdict.Invalid(Name, summary + $"; {failures.Count} below the floor", numbers, failures.Take(10).ToList())
            : Verdict.Valid(Name, summary + $" (floor {MinOverallPerSecond:N0}/s)", numbers);
    }
}

using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A stall: no progress for longer than a threshold while there was work waiting. Consumer side:
/// no first read while records were acked and unread. Producer side: no ack while sends were
/// outstanding. Measured on the ledger's time buckets (100 ms by default); a stall still going
/// at the end is reported as never resumed. <see cref="Stalls"/> lists every stall found, even
/// ones below the threshold are measured in the longest-stall number.
/// </summary>
public sealed class StallChecker : IChecker
{
    public const string CheckerName = "stall";

    public StallChecker(StallSide side, TimeSpan threshold)
    {
        if (threshold <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The stall threshold must be positive.");
        Side = side;
        Threshold = threshold;
    }

    public StallSide Side { get; }
    public TimeSpan Threshold { get; }
    public string Name => Side == StallSide.Consumer ? "consumer-stall" : "producer-stall";

    /// <summary>Every period without progress while work waited (any length), in time order. Pure.</summary>
    public static IReadOnlyList<Stall> Stalls(HistorySnapshot history, StallSide side)
    {
        ArgumentNullException.ThrowIfNull(history);
        var width = history.BucketWidth;
        IReadOnlyList<long> progress;
        IReadOnlyList<long> supply;
        IReadOnlyList<long> drain;
        if (side == StallSide.Consumer)
        {
            progress = history.ConsumedFirst.Buckets;
            supply = history.Acked.Buckets;
            drain = history.ConsumedFirst.Buckets;
        }
        else
        {
            progress = history.Acked.Buckets;
            supply = history.Sent.Buckets;
            drain = Sum(history.Acked.Buckets, history.Failed.Buckets, history.Unknown.Buckets);
        }
        var stalls = new List<Stall>();
        long waiting = 0; // supplied before this bucket and not drained before it
        int? start = null;
        var n = progress.Count;
        for (var b = 0; b < n; b++)
        {
            var idle = progress[b] == 0 && waiting > 0;
            if (idle) start ??= b;
            else if (start is { } s)
            {
                stalls.Add(new Stall(width * s, width * b, width * (b - s)));
                start = null;
            }
            waiting = Math.Max(0, waiting + supply[b] - drain[b]);
        }
        if (start is { } open)
            stalls.Add(new Stall(width * open, null, width * (n - open)));
        return stalls;
    }

    public Verdict Check(HistorySnapshot history)
    {
        var stalls = Stalls(history, Side);
        var longest = stalls.Count == 0 ? TimeSpan.Zero : stalls.Max(s => s.Duration);
        var over = stalls.Where(s => s.Duration > Threshold).ToList();
        var numbers = new Dictionary<string, double>
        {
            ["threshold-seconds"] = Threshold.TotalSeconds,
            ["longest-stall-seconds"] = longest.TotalSeconds,
            ["stalls-over-threshold"] = over.Count,
            ["never-resumed"] = stalls.Any(s => !s.Ended) ? 1 : 0,
            ["resolution-seconds"] = history.BucketWidth.TotalSeconds,
        };
        var who = Side == StallSide.Consumer ? "consumers" : "producers";
        if (over.Count > 0)
            return Verdict.Invalid(Name, $"{who} stalled {over.Count} time(s) longer than {Threshold.TotalSeconds:0.###}s; longest {longest.TotalSeconds:0.0}s" +
                (over.Any(s => !s.Ended) ? ", the last never resumed" : ""), numbers, over.Take(10).Select(s => s.ToString()).ToList());
        return Verdict.Valid(Name, $"{who} never stalled longer than {Threshold.TotalSeconds:0.###}s (longest {longest.TotalSeconds:0.0}s)", numbers);
    }

    private static long[] Sum(params IReadOnlyList<long>[] series)
    {
        var n = series.Max(s => s.Count);
        var sum = new long[n];
        foreach (var s in series)
            for (var i = 0; i < s.Count; i++) sum[i] += s[i];
        return sum;
    }
}

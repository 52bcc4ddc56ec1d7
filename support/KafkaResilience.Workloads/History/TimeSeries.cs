using System.Text.Json.Serialization;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// A count per fixed time bucket since the run's origin (sent, acked, failed, consumed...), the
/// raw material for throughput floors, stall detection and charts.
/// </summary>
public sealed class TimeSeries
{
    public TimeSeries(string name, TimeSpan bucketWidth, IReadOnlyList<long> buckets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (bucketWidth <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(bucketWidth), bucketWidth, "Bucket width must be positive.");
        Name = name;
        BucketWidth = bucketWidth;
        Buckets = buckets ?? throw new ArgumentNullException(nameof(buckets));
    }

    public string Name { get; }

    [JsonIgnore]
    public TimeSpan BucketWidth { get; }

    public double BucketSeconds => BucketWidth.TotalSeconds;

    /// <summary>Count in each bucket; bucket i covers [i*width, (i+1)*width) after the origin.</summary>
    public IReadOnlyList<long> Buckets { get; }

    public long Total => Buckets.Sum();

    /// <summary>Counts per whole second, as (second, value) pairs from second 0: what charts plot.</summary>
    public (int Second, long Value)[] PerSecond() => PerWindow(TimeSpan.FromSeconds(1))
        .Select(p => ((int)Math.Round(p.Start.TotalSeconds), p.Count)).ToArray();

    /// <summary>Counts summed over consecutive windows (a whole number of buckets, at least one).</summary>
    public IReadOnlyList<(TimeSpan Start, long Count)> PerWindow(TimeSpan window)
    {
        var per = Math.Max(1, (int)Math.Round(window / BucketWidth));
        var result = new List<(TimeSpan, long)>();
        for (var i = 0; i < Buckets.Count; i += per)
        {
            long sum = 0;
            for (var j = i; j < Math.Min(Buckets.Count, i + per); j++) sum += Buckets[j];
            result.Add((BucketWidth * i, sum));
        }
        return result;
    }
}

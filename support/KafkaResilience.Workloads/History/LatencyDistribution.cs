using System.Text.Json.Serialization;
using HdrHistogram;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// A latency distribution (ack latency or end-to-end), kept as an HdrHistogram in microseconds
/// so percentiles stay exact to three significant digits at any message count.
/// </summary>
public sealed class LatencyDistribution
{
    internal const long HighestTrackableMicros = 3_600_000_000L; // one hour
    private readonly HistogramBase _histogram;

    public LatencyDistribution(string name, HistogramBase histogram)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _histogram = histogram ?? throw new ArgumentNullException(nameof(histogram));
    }

    public string Name { get; }

    public long Count => _histogram.TotalCount;

    public double MeanMs => Count == 0 ? 0 : _histogram.GetMean() / 1000.0;

    public double MaxMs => Count == 0 ? 0 : _histogram.GetMaxValue() / 1000.0;

    public double P50Ms => PercentileMs(50);
    public double P95Ms => PercentileMs(95);
    public double P99Ms => PercentileMs(99);
    public double P999Ms => PercentileMs(99.9);

    /// <summary>The latency at a percentile (0-100], in milliseconds; 0 when nothing was recorded.</summary>
    public double PercentileMs(double percentile)
    {
        if (percentile is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Percentile must be in (0, 100].");
        return Count == 0 ? 0 : _histogram.GetValueAtPercentile(percentile) / 1000.0;
    }

    /// <summary>The underlying histogram (microseconds), e.g. to print a percentile distribution.</summary>
    [JsonIgnore]
    public HistogramBase Histogram => _histogram;

    internal static LongHistogram NewHistogram() => new(HighestTrackableMicros, 3);

    internal static void Record(HistogramBase histogram, long micros)
    {
        if (micros < 0) micros = 0;
        if (micros > HighestTrackableMicros) micros = HighestTrackableMicros;
        histogram.RecordValue(micros);
    }
}

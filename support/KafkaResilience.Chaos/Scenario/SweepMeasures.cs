namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The measured quantities a sweep table column may name (the seed's column headings), each mapped
/// to what the scenario measured. Any other column is a parameter of the row (topics, partitions...).
/// </summary>
public static class SweepMeasures
{
    public const string ProducerRate = "producer-rate";
    public const string ProducerLatencyMean = "producer-latency-mean-ms";
    public const string ProducerSeconds = "producer-seconds";
    public const string ConsumerRate = "consumer-rate";
    public const string ConsumerSeconds = "consumer-seconds";
    public const string ConsumerMegabytesPerSecond = "consumer-mb-per-second";
    public const string ProducerMegabytesPerSecond = "producer-mb-per-second";

    /// <summary>Column heading (case-insensitive, as the seed wrote it) to measure and decimals.</summary>
    public static readonly IReadOnlyDictionary<string, (string Measure, int Decimals)> Columns =
        new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase)
        {
            ["producer RT (ms)"] = (ProducerLatencyMean, 2),
            ["producer TPS"] = (ProducerRate, 0),
            ["send TPS"] = (ProducerRate, 0),
            ["send time"] = (ProducerSeconds, 2),
            ["producer MB/s"] = (ProducerMegabytesPerSecond, 2),
            ["consumer TPS"] = (ConsumerRate, 0),
            ["consumer TPS (3 consumers)"] = (ConsumerRate, 0),
            ["receive TPS"] = (ConsumerRate, 0),
            ["receive time"] = (ConsumerSeconds, 3),
            ["time"] = (ConsumerSeconds, 3),
            ["consumer MB/s"] = (ConsumerMegabytesPerSecond, 2),
        };

    public static bool IsMeasure(string column) => Columns.ContainsKey(column.Trim());
}

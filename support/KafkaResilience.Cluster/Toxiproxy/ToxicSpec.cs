namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>
/// A Toxiproxy toxic: a named fault of one <see cref="Type"/> on one <see cref="Stream"/>, applied
/// to a connection with probability <see cref="Toxicity"/> (0..1), with the type's integer
/// <see cref="Attributes"/> (e.g. latency/jitter in ms, rate in KB/s). Build with the factory
/// helpers; <see cref="Validate"/> runs before anything is sent.
/// </summary>
/// <param name="Name">Toxic name, unique within its proxy.</param>
/// <param name="Type">Toxic type.</param>
/// <param name="Stream">Direction it affects.</param>
/// <param name="Toxicity">Probability (0..1) that a connection is affected.</param>
/// <param name="Attributes">Type-specific attributes by their Toxiproxy names.</param>
public sealed record ToxicSpec(
    string Name,
    ToxicType Type,
    ToxicStream Stream,
    double Toxicity,
    IReadOnlyDictionary<string, long> Attributes)
{
    private static readonly IReadOnlyDictionary<ToxicType, string[]> AllowedAttributes = new Dictionary<ToxicType, string[]>
    {
        [ToxicType.Latency] = ["latency", "jitter"],
        [ToxicType.Bandwidth] = ["rate"],
        [ToxicType.SlowClose] = ["delay"],
        [ToxicType.Timeout] = ["timeout"],
        [ToxicType.ResetPeer] = ["timeout"],
        [ToxicType.LimitData] = ["bytes"],
        [ToxicType.Slicer] = ["average_size", "size_variation", "delay"],
    };

    /// <summary>Adds latencyMs +/- jitterMs to every chunk of data.</summary>
    public static ToxicSpec Latency(string name, long latencyMs, long jitterMs = 0, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.Latency, stream, toxicity, ("latency", latencyMs), ("jitter", jitterMs));

    /// <summary>Limits throughput to rateKBps kilobytes (1000 bytes) per second.</summary>
    public static ToxicSpec Bandwidth(string name, long rateKBps, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.Bandwidth, stream, toxicity, ("rate", rateKBps));

    /// <summary>Stops all data; closes the connection after timeoutMs, or never when 0.</summary>
    public static ToxicSpec Timeout(string name, long timeoutMs, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.Timeout, stream, toxicity, ("timeout", timeoutMs));

    /// <summary>Resets the connection (TCP RST) timeoutMs after data arrives.</summary>
    public static ToxicSpec ResetPeer(string name, long timeoutMs, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.ResetPeer, stream, toxicity, ("timeout", timeoutMs));

    /// <summary>Delays the close of the connection by delayMs.</summary>
    public static ToxicSpec SlowClose(string name, long delayMs, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.SlowClose, stream, toxicity, ("delay", delayMs));

    /// <summary>Closes the connection once bytes have passed.</summary>
    public static ToxicSpec LimitData(string name, long bytes, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.LimitData, stream, toxicity, ("bytes", bytes));

    /// <summary>Slices data into averageSize +/- sizeVariation byte pieces sent delayMicros apart.</summary>
    public static ToxicSpec Slicer(string name, long averageSize, long sizeVariation = 0, long delayMicros = 0, ToxicStream stream = ToxicStream.Downstream, double toxicity = 1.0) =>
        Create(name, ToxicType.Slicer, stream, toxicity, ("average_size", averageSize), ("size_variation", sizeVariation), ("delay", delayMicros));

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field and the allowed values.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("ToxicSpec.Name is empty: give the toxic a name.", nameof(Name));
        }

        if (!Enum.IsDefined(Type))
        {
            throw new ArgumentException($"ToxicSpec.Type {Type} is unknown: use one of {string.Join(", ", Enum.GetNames<ToxicType>())}.", nameof(Type));
        }

        if (!Enum.IsDefined(Stream))
        {
            throw new ArgumentException($"ToxicSpec.Stream {Stream} is unknown: use Upstream or Downstream.", nameof(Stream));
        }

        if (double.IsNaN(Toxicity) || Toxicity is < 0 or > 1)
        {
            throw new ArgumentException($"ToxicSpec.Toxicity {Toxicity} of toxic '{Name}' is out of range: use 0..1.", nameof(Toxicity));
        }

        ArgumentNullException.ThrowIfNull(Attributes, nameof(Attributes));
        var allowed = AllowedAttributes[Type];
        foreach (var (key, value) in Attributes)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"ToxicSpec.Attributes of {Type} toxic '{Name}' has unknown attribute '{key}': use {string.Join(", ", allowed)}.",
                    nameof(Attributes));
            }

            if (value < 0)
            {
                throw new ArgumentException(
                    $"ToxicSpec.Attributes['{key}'] of toxic '{Name}' is {value}: use a value >= 0.", nameof(Attributes));
            }
        }
    }

    private static ToxicSpec Create(string name, ToxicType type, ToxicStream stream, double toxicity, params (string Key, long Value)[] attributes)
    {
        var spec = new ToxicSpec(name, type, stream, toxicity, attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
        spec.Validate();
        return spec;
    }
}

namespace KafkaResilience.Chaos.Network;

/// <summary>
/// One Toxiproxy toxic to add: its name (unique on the proxy), type (latency, bandwidth, timeout,
/// reset_peer...), stream ("upstream" = client to broker, "downstream" = broker to client), toxicity
/// (0..1) and attributes, exactly as the Toxiproxy API takes them.
/// </summary>
public sealed record ToxicRequest(string Name, string Type, string Stream, double Toxicity, IReadOnlyDictionary<string, long> Attributes)
{
    public const string Upstream = "upstream";
    public const string Downstream = "downstream";

    /// <summary>Throws naming the bad field and what it allows.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("Toxic name must not be empty.", nameof(Name));
        if (string.IsNullOrWhiteSpace(Type)) throw new ArgumentException("Toxic type must not be empty (latency, bandwidth, timeout, reset_peer, slow_close, limit_data).", nameof(Type));
        if (Stream is not (Upstream or Downstream))
            throw new ArgumentException($"Toxic stream must be \"{Upstream}\" or \"{Downstream}\" (got \"{Stream}\").", nameof(Stream));
        if (Toxicity is < 0 or > 1 || double.IsNaN(Toxicity))
            throw new ArgumentException($"Toxicity must be between 0 and 1 (got {Toxicity}).", nameof(Toxicity));
        foreach (var (key, value) in Attributes)
        {
            if (value < 0) throw new ArgumentException($"Toxic attribute {key} must not be negative (got {value}).", nameof(Attributes));
        }
    }
}

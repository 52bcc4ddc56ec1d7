namespace KafkaResilience.Cluster;

/// <summary>
/// What a target can model, and for each thing it cannot, the sentence a skipped scenario shows; and the
/// <see cref="CapabilityLimits"/> that let a scenario's own sizes decide whether it can be judged there.
/// </summary>
public sealed class ClusterCapabilities
{
    private readonly IReadOnlyDictionary<Capability, string> _missing;

    public ClusterCapabilities(IReadOnlyDictionary<Capability, string> missing, CapabilityLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(missing);
        foreach (var (capability, reason) in missing)
        {
            if (string.IsNullOrWhiteSpace(reason))
                throw new ArgumentException($"Capability {capability} is missing without a reason.", nameof(missing));
        }
        _missing = missing;
        Limits = (limits ?? CapabilityLimits.None).Validate();
    }

    /// <summary>A target that models everything.</summary>
    public static ClusterCapabilities All { get; } = new(new Dictionary<Capability, string>());

    /// <summary>The numbers of what it lacks (how much a partition keeps, how fast an in-process target takes messages).</summary>
    public CapabilityLimits Limits { get; }

    /// <summary>What the target lacks, each with its reason.</summary>
    public IReadOnlyDictionary<Capability, string> Missing => _missing;

    public bool Has(Capability capability) => !_missing.ContainsKey(capability);

    /// <summary>The reason the target cannot model <paramref name="capability"/>, or null when it can.</summary>
    public string? WhyNot(Capability capability) => _missing.TryGetValue(capability, out var reason) ? reason : null;
}

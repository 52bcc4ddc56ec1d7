namespace KafkaResilience.Cluster;

/// <summary>
/// The target cannot do what a fault or a scenario needs. Steps turn it into a skipped scenario
/// whose reason is <see cref="Exception.Message"/>, never into a pass or a failure.
/// </summary>
public sealed class CapabilityMissingException : Exception
{
    public CapabilityMissingException(Capability capability, string reason)
        : base(reason) => Capability = capability;

    public CapabilityMissingException(string reason)
        : base(reason)
    {
    }

    public CapabilityMissingException()
        : base("the target cannot model this")
    {
    }

    public CapabilityMissingException(string reason, Exception inner)
        : base(reason, inner)
    {
    }

    /// <summary>The missing capability, when one is named.</summary>
    public Capability? Capability { get; }
}

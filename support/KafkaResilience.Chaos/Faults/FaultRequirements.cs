using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Checks a target's capabilities before anything is done to it; a missing one becomes a skip with the target's reason.</summary>
public static class FaultRequirements
{
    public static void Check(IKafkaCluster cluster, IEnumerable<Capability> required)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(required);
        foreach (var capability in required)
        {
            if (cluster.Capabilities.WhyNot(capability) is { } reason)
                throw new CapabilityMissingException(capability, $"{cluster.TargetName} target cannot do this ({capability}): {reason}");
        }
    }
}

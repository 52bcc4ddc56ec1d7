using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Targets;

/// <summary>"the controller": the active controller; a target without one cannot serve this fault.</summary>
public sealed record ActiveController : BrokerTarget
{
    public override async Task<int> ResolveAsync(IKafkaCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var controller = await cluster.ControllerAsync(cancellationToken).ConfigureAwait(false);
        return controller ?? throw new CapabilityMissingException(
            Capability.ControllerFailover,
            cluster.Capabilities.WhyNot(Capability.ControllerFailover)
                ?? $"the {cluster.TargetName} target reports no active controller");
    }

    public override string Describe() => "the controller";
}

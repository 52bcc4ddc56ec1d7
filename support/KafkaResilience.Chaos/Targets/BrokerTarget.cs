using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Targets;

/// <summary>
/// A broker named the way a scenario names it ("broker 106", "the leader of partition 2 of
/// \"q_1\"", "the controller", "the coordinator of group \"g\""), resolved to a broker id only when
/// a fault fires, because leaders and coordinators move while the scenario runs.
/// </summary>
public abstract record BrokerTarget
{
    /// <summary>The broker this target names right now.</summary>
    public abstract Task<int> ResolveAsync(IKafkaCluster cluster, CancellationToken cancellationToken);

    /// <summary>The target in the feature's words.</summary>
    public abstract string Describe();

    public sealed override string ToString() => Describe();
}

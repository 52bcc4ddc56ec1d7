using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Targets;

/// <summary>"the coordinator of group \"g\"": the broker coordinating that consumer group when the fault fires.</summary>
public sealed record GroupCoordinator(string GroupId) : BrokerTarget
{
    public override Task<int> ResolveAsync(IKafkaCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.GroupCoordinatorAsync(GroupId, cancellationToken);
    }

    public override string Describe() => $"the coordinator of group \"{GroupId}\"";
}

using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Targets;

/// <summary>"broker 106": one broker by id, checked against the cluster's broker list.</summary>
public sealed record SpecificBroker(int BrokerId) : BrokerTarget
{
    public override Task<int> ResolveAsync(IKafkaCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.BrokerIds.Contains(BrokerId))
            throw new ArgumentException($"Broker {BrokerId} is not in the cluster (brokers: {string.Join(", ", cluster.BrokerIds)}).");
        return Task.FromResult(BrokerId);
    }

    public override string Describe() => $"broker {BrokerId}";
}

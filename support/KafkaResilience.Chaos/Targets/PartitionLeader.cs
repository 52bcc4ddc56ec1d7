using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Targets;

/// <summary>"the leader of partition 2 of \"q_1\"": whoever leads that partition when the fault fires.</summary>
public sealed record PartitionLeader(string Topic, int Partition) : BrokerTarget
{
    public override async Task<int> ResolveAsync(IKafkaCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var description = await cluster.DescribeTopicAsync(Topic, cancellationToken).ConfigureAwait(false);
        var state = description.Partitions.FirstOrDefault(p => p.Partition == Partition)
            ?? throw new ArgumentException($"Topic \"{Topic}\" has no partition {Partition} (it has {description.Partitions.Count}).");
        return state.Leader ?? throw new InvalidOperationException($"Partition {Partition} of \"{Topic}\" has no leader right now, so there is no broker to target.");
    }

    public override string Describe() => $"the leader of partition {Partition} of \"{Topic}\"";
}

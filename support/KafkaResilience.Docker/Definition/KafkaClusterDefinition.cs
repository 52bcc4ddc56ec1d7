using System.Text;

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The full, inspectable definition of the docker target: N Kafka nodes (KRaft, or brokers on one
/// ZooKeeper) and the Toxiproxy in front of them, on one network, as plain data. Built by
/// <see cref="KafkaClusterBuilder"/>; turned into containers by <c>DockerCluster</c>, and compared with
/// docker-compose.yml by tests, so the two cannot drift.
/// </summary>
public sealed record KafkaClusterDefinition(
    KafkaStack Stack,
    string NetworkName,
    IReadOnlyList<KafkaNodeDefinition> Nodes,
    ToxiproxyDefinition Toxiproxy,
    ZooKeeperDefinition? ZooKeeper,
    int InternalTopicReplicationFactor,
    int InternalTopicMinInSyncReplicas,
    TimeSpan? DetectionDelay)
{
    /// <summary>Broker ids in the order the scenario gave them.</summary>
    public IReadOnlyList<int> BrokerIds => Nodes.Select(n => n.NodeId).ToArray();

    /// <summary>Bootstrap servers for clients on the host: every broker's proxy address.</summary>
    public string BootstrapServers => string.Join(",", Nodes.Select(n => n.ExternalAddress));

    /// <summary>Every image the cluster runs, each once (what must be present on the engine or pullable).</summary>
    public IReadOnlyList<string> Images =>
        Nodes.Select(n => n.Image).Concat(ZooKeeper is null ? [] : [ZooKeeper.Image]).Append(Toxiproxy.Image).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The node with this id; throws naming the known ids otherwise.</summary>
    public KafkaNodeDefinition Node(int nodeId) =>
        Nodes.SingleOrDefault(n => n.NodeId == nodeId)
        ?? throw new ArgumentOutOfRangeException(nameof(nodeId), nodeId, $"No broker {nodeId}; brokers are {string.Join(", ", BrokerIds)}.");

    /// <summary>A readable summary for reports: stack, images, ids, advertised addresses, detection delay.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Stack == KafkaStack.ZooKeeper
            ? $"{Nodes.Count} ZooKeeper-mode brokers ({Nodes[0].Image}) on {ZooKeeper!.Image}"
            : $"{Nodes.Count} KRaft nodes ({Nodes[0].Image})");
        text.Append($" behind {Toxiproxy.Image}: ");
        text.Append(string.Join(", ", Nodes.Select(n => $"{n.NodeId}@{n.ExternalAddress}")));
        if (DetectionDelay is { } delay)
            text.Append($"; a lost broker is detected after {delay.TotalSeconds:0.###} s");
        return text.ToString();
    }
}

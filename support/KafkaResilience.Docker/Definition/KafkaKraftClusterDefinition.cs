using System.Text;

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The full, inspectable definition of the docker target: three (or N) KRaft nodes and the Toxiproxy
/// in front of them, on one network, as plain data. Built by <see cref="KafkaKraftClusterBuilder"/>;
/// turned into containers by <c>DockerCluster</c>, and compared with docker-compose.yml by tests,
/// so the two cannot drift.
/// </summary>
public sealed record KafkaKraftClusterDefinition(
    string ClusterId,
    string NetworkName,
    IReadOnlyList<KafkaNodeDefinition> Nodes,
    ToxiproxyDefinition Toxiproxy,
    int InternalTopicReplicationFactor,
    int InternalTopicMinInSyncReplicas)
{
    /// <summary>Broker ids in the order the scenario gave them.</summary>
    public IReadOnlyList<int> BrokerIds => Nodes.Select(n => n.NodeId).ToArray();

    /// <summary>Bootstrap servers for clients on the host: every broker's proxy address.</summary>
    public string BootstrapServers => string.Join(",", Nodes.Select(n => n.ExternalAddress));

    /// <summary>The node with this id; throws naming the known ids otherwise.</summary>
    public KafkaNodeDefinition Node(int nodeId) =>
        Nodes.SingleOrDefault(n => n.NodeId == nodeId)
        ?? throw new ArgumentOutOfRangeException(nameof(nodeId), nodeId, $"No broker {nodeId}; brokers are {string.Join(", ", BrokerIds)}.");

    /// <summary>A readable summary for reports: images, ids, advertised addresses.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{Nodes.Count} KRaft nodes ({Nodes[0].Image}) behind {Toxiproxy.Image}, cluster id {ClusterId}: ");
        text.Append(string.Join(", ", Nodes.Select(n => $"{n.NodeId}@{n.ExternalAddress}")));
        return text.ToString();
    }
}

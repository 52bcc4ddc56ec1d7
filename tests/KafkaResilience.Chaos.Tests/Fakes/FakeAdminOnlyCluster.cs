using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>
/// A <see cref="FakeKafkaCluster"/> seen only through <see cref="IKafkaCluster"/>: facts, no broker role (no kill, no
/// isolation, no proxies), while its capabilities claim everything, so a fault meets the missing role as a type fact.
/// </summary>
public sealed class FakeAdminOnlyCluster(FakeKafkaCluster? inner = null) : IKafkaCluster
{
    private readonly FakeKafkaCluster _cluster = inner ?? new FakeKafkaCluster();

    /// <summary>The cluster behind, with the operations done to it.</summary>
    public FakeKafkaCluster Inner => _cluster;

    public string TargetName => "admin-only";
    public string Description => "fake cluster without broker roles, for unit tests";
    public IReadOnlyList<int> BrokerIds => _cluster.BrokerIds;
    public string BootstrapServers => _cluster.BootstrapServers;
    public IReadOnlyDictionary<string, string> ClientSettings => _cluster.ClientSettings;
    public ClusterCapabilities Capabilities => _cluster.Capabilities;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => _cluster.LeadershipChanges;
    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => _cluster.LeadershipChanged += value;
        remove => _cluster.LeadershipChanged -= value;
    }
    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => _cluster.CreateTopicAsync(topic, cancellationToken);
    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) => _cluster.DescribeTopicAsync(topic, cancellationToken);
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) => _cluster.DescribeBrokersAsync(cancellationToken);
    public string? InSyncReplicasNote => _cluster.InSyncReplicasNote;
    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default) => _cluster.GroupCoordinatorAsync(groupId, cancellationToken);
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => _cluster.ControllerAsync(cancellationToken);
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => _cluster.ElectPreferredLeadersAsync(topic, cancellationToken);
    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}

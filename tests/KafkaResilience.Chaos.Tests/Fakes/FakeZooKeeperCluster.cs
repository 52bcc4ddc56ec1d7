using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>A <see cref="FakeKafkaCluster"/> with a ZooKeeper (or, given a reason, without one), recording what is done to it.</summary>
public sealed class FakeZooKeeperCluster(string? whyNoZooKeeper = null) : IKafkaCluster, IBrokerFaults, IBrokerIsolation, IBrokerProxies, IZooKeeperFaults
{
    private readonly FakeKafkaCluster _cluster = new();

    public List<string> Operations => _cluster.Operations;

    public string? WhyNoZooKeeper { get; } = whyNoZooKeeper;

    public Task KillZooKeeperAsync(CancellationToken cancellationToken = default) => Record("kill zookeeper");
    public Task StartZooKeeperAsync(CancellationToken cancellationToken = default) => Record("start zookeeper");
    public Task PauseZooKeeperAsync(CancellationToken cancellationToken = default) => Record("pause zookeeper");
    public Task ResumeZooKeeperAsync(CancellationToken cancellationToken = default) => Record("resume zookeeper");

    public string TargetName => "fake";
    public string Description => "fake cluster on a ZooKeeper, for unit tests";
    public IReadOnlyList<int> BrokerIds => _cluster.BrokerIds;
    public string BootstrapServers => _cluster.BootstrapServers;
    public IReadOnlyDictionary<string, string> ClientSettings => _cluster.ClientSettings;
    public ClusterCapabilities Capabilities => _cluster.Capabilities;
    public Uri? ToxiproxyApi => _cluster.ToxiproxyApi;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => _cluster.LeadershipChanges;
    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => _cluster.LeadershipChanged += value;
        remove => _cluster.LeadershipChanged -= value;
    }
    public string ProxyNameOf(int brokerId) => _cluster.ProxyNameOf(brokerId);
    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => _cluster.CreateTopicAsync(topic, cancellationToken);
    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) => _cluster.DescribeTopicAsync(topic, cancellationToken);
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) => _cluster.DescribeBrokersAsync(cancellationToken);
    public string? InSyncReplicasNote => _cluster.InSyncReplicasNote;
    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default) => _cluster.GroupCoordinatorAsync(groupId, cancellationToken);
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => _cluster.ControllerAsync(cancellationToken);
    public Task KillAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.KillAsync(brokerId, cancellationToken);
    public Task StopAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.StopAsync(brokerId, cancellationToken);
    public Task StartAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.StartAsync(brokerId, cancellationToken);
    public Task PauseAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.PauseAsync(brokerId, cancellationToken);
    public Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.ResumeAsync(brokerId, cancellationToken);
    public Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.IsolateAsync(brokerId, cancellationToken);
    public Task HealAsync(int brokerId, CancellationToken cancellationToken = default) => _cluster.HealAsync(brokerId, cancellationToken);
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => _cluster.ElectPreferredLeadersAsync(topic, cancellationToken);
    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    private Task Record(string operation)
    {
        Operations.Add(operation);
        return Task.CompletedTask;
    }
}

using KafkaResilience.Cluster;

namespace KafkaResilience.Targets.Tests;

/// <summary>A cluster object that only exists to be handed back by a fake starter; every operation fails loudly.</summary>
internal sealed class StubCluster : IKafkaCluster
{
    public string TargetName => "stub";
    public string Description => "stub";
    public IReadOnlyList<int> BrokerIds => [1, 2, 3];
    public string BootstrapServers => "127.0.0.1:1";
    public IReadOnlyDictionary<string, string> ClientSettings => new Dictionary<string, string>();
    public ClusterCapabilities Capabilities => ClusterCapabilities.All;
    public Uri? ToxiproxyApi => null;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => [];
    public string ProxyNameOf(int brokerId) => throw new NotSupportedException();
    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public string? InSyncReplicasNote => null;
    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task KillAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task StopAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task StartAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task PauseAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task HealAsync(int brokerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

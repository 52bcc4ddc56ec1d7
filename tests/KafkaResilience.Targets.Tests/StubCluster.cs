using KafkaResilience.Cluster;

namespace KafkaResilience.Targets.Tests;

/// <summary>A cluster object that only exists to be handed back by a fake starter; every operation fails loudly. It has no broker roles.</summary>
internal sealed class StubCluster : IKafkaCluster
{
    public string TargetName => "stub";
    public string Description => "stub";
    public IReadOnlyList<int> BrokerIds => [1, 2, 3];
    public string BootstrapServers => "127.0.0.1:1";
    public IReadOnlyDictionary<string, string> ClientSettings => new Dictionary<string, string>();
    public ClusterCapabilities Capabilities => ClusterCapabilities.All;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => [];

    // It records no change, so there is never one to raise: a listener is accepted and never called.
    public event Action<LeadershipChange>? LeadershipChanged
    {
        add { }
        remove { }
    }

    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public string? InSyncReplicasNote => null;
    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using KafkaResilience.Cluster;

namespace KafkaResilience.Workloads.Tests.Consuming;

/// <summary>A cluster that forwards to a real one and remembers which groups' coordinators were asked for.</summary>
internal sealed class RecordingCluster(IKafkaCluster inner) : IKafkaCluster
{
    public List<string> CoordinatorQueries { get; } = [];

    public string TargetName => inner.TargetName;
    public string Description => inner.Description;
    public IReadOnlyList<int> BrokerIds => inner.BrokerIds;
    public string BootstrapServers => inner.BootstrapServers;
    public IReadOnlyDictionary<string, string> ClientSettings => inner.ClientSettings;
    public ClusterCapabilities Capabilities => inner.Capabilities;
    public Uri? ToxiproxyApi => inner.ToxiproxyApi;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => inner.LeadershipChanges;
    public string ProxyNameOf(int brokerId) => inner.ProxyNameOf(brokerId);
    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) => inner.CreateTopicAsync(topic, cancellationToken);
    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) => inner.DescribeTopicAsync(topic, cancellationToken);
    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) => inner.DescribeBrokersAsync(cancellationToken);
    public string? InSyncReplicasNote => inner.InSyncReplicasNote;

    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        lock (CoordinatorQueries) CoordinatorQueries.Add(groupId);
        return inner.GroupCoordinatorAsync(groupId, cancellationToken);
    }

    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => inner.ControllerAsync(cancellationToken);
    public Task KillAsync(int brokerId, CancellationToken cancellationToken = default) => inner.KillAsync(brokerId, cancellationToken);
    public Task StopAsync(int brokerId, CancellationToken cancellationToken = default) => inner.StopAsync(brokerId, cancellationToken);
    public Task StartAsync(int brokerId, CancellationToken cancellationToken = default) => inner.StartAsync(brokerId, cancellationToken);
    public Task PauseAsync(int brokerId, CancellationToken cancellationToken = default) => inner.PauseAsync(brokerId, cancellationToken);
    public Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default) => inner.ResumeAsync(brokerId, cancellationToken);
    public Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default) => inner.IsolateAsync(brokerId, cancellationToken);
    public Task HealAsync(int brokerId, CancellationToken cancellationToken = default) => inner.HealAsync(brokerId, cancellationToken);
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => inner.ElectPreferredLeadersAsync(topic, cancellationToken);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

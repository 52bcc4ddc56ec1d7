using KafkaResilience.Cluster;

namespace KafkaResilience.Workloads.Tests.Consuming;

/// <summary>A cluster that forwards its facts to a real one and remembers which groups' coordinators were asked for; it has no broker roles (tests fault the real one).</summary>
internal sealed class RecordingCluster(IKafkaCluster inner) : IKafkaCluster
{
    public List<string> CoordinatorQueries { get; } = [];

    public string TargetName => inner.TargetName;
    public string Description => inner.Description;
    public IReadOnlyList<int> BrokerIds => inner.BrokerIds;
    public string BootstrapServers => inner.BootstrapServers;
    public IReadOnlyDictionary<string, string> ClientSettings => inner.ClientSettings;
    public ClusterCapabilities Capabilities => inner.Capabilities;
    public IReadOnlyList<LeadershipChange> LeadershipChanges => inner.LeadershipChanges;
    public event Action<LeadershipChange>? LeadershipChanged
    {
        add => inner.LeadershipChanged += value;
        remove => inner.LeadershipChanged -= value;
    }
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
    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default) => inner.ElectPreferredLeadersAsync(topic, cancellationToken);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

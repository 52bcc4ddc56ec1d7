using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>An in-memory cluster that records every operation, for testing faults without Kafka.</summary>
public sealed class FakeKafkaCluster : IKafkaCluster, IBrokerFaults, IBrokerIsolation, IBrokerProxies, IBrokerProbe
{
    private readonly Dictionary<string, int?[]> _leaders = new(StringComparer.Ordinal);
    private readonly HashSet<int> _down = [];
    private readonly Dictionary<int, BrokerState> _frozenOrCut = [];
    private readonly List<LeadershipChange> _changes = [];

    public FakeKafkaCluster(ClusterCapabilities? capabilities = null, int? controller = null)
    {
        Capabilities = capabilities ?? ClusterCapabilities.All;
        Controller = controller;
    }

    public List<string> Operations { get; } = [];

    public int? Controller { get; set; }

    public int MaxDownAtOnce { get; private set; }

    public string TargetName => "fake";
    public string Description => "fake cluster for unit tests";
    public IReadOnlyList<int> BrokerIds { get; } = [105, 106, 108];
    public string BootstrapServers => "127.0.0.1:1";
    public IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();
    public ClusterCapabilities Capabilities { get; }
    public Uri? ToxiproxyApi => new("http://127.0.0.1:8474");
    public IReadOnlyList<LeadershipChange> LeadershipChanges => _changes;

    public event Action<LeadershipChange>? LeadershipChanged;

    public string ProxyNameOf(int brokerId) => $"broker-{brokerId}";

    public bool IsDown(int brokerId) => _down.Contains(brokerId);

    public void SetLeader(string topic, int partition, int? leader)
    {
        if (!_leaders.TryGetValue(topic, out var leaders)) throw new ArgumentException($"no topic {topic}");
        var change = new LeadershipChange(DateTimeOffset.UtcNow, topic, partition, leaders[partition], leader, "test");
        _changes.Add(change);
        leaders[partition] = leader;
        LeadershipChanged?.Invoke(change);
    }

    public Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        _leaders[topic.Name] = Enumerable.Range(0, topic.Partitions).Select(p => (int?)BrokerIds[p % BrokerIds.Count]).ToArray();
        Operations.Add($"create {topic.Name}");
        return Task.CompletedTask;
    }

    public Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TopicDescription(topic, _leaders[topic]
            .Select((leader, p) => new PartitionState(p, leader, BrokerIds, BrokerIds)).ToList()));

    public Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BrokerStatus>>([.. BrokerIds.Select(id => _down.Contains(id) ? new BrokerStatus(id, BrokerState.Down, "fake")
            : new BrokerStatus(id, _frozenOrCut.GetValueOrDefault(id, BrokerState.Up)))]);

    public string? InSyncReplicasNote => "the fake cluster's ISR is its replica list";

    public Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default) => Task.FromResult(108);

    public Task<int?> ControllerAsync(CancellationToken cancellationToken = default) => Task.FromResult(Controller);

    public Task KillAsync(int brokerId, CancellationToken cancellationToken = default) => Down("kill", brokerId);
    public Task StopAsync(int brokerId, CancellationToken cancellationToken = default) => Down("stop", brokerId);
    public Task StartAsync(int brokerId, CancellationToken cancellationToken = default) => Up("start", brokerId);
    public Task PauseAsync(int brokerId, CancellationToken cancellationToken = default) => Mark("pause", brokerId, BrokerState.Paused);
    public Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default) => Mark("resume", brokerId, BrokerState.Up);
    public Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default) => Mark("isolate", brokerId, BrokerState.CutOff);
    public Task HealAsync(int brokerId, CancellationToken cancellationToken = default) => Mark("heal", brokerId, BrokerState.Up);

    public Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default)
    {
        Operations.Add($"elect {topic}");
        return Task.CompletedTask;
    }

    public Task<bool> IsServingAsync(int brokerId, CancellationToken cancellationToken) => Task.FromResult(!_down.Contains(brokerId));

    public ValueTask DisposeAsync()
    {
        Operations.Add("dispose");
        return ValueTask.CompletedTask;
    }

    private Task Down(string operation, int brokerId)
    {
        _down.Add(brokerId);
        MaxDownAtOnce = Math.Max(MaxDownAtOnce, _down.Count);
        return Record(operation, brokerId);
    }

    private Task Up(string operation, int brokerId)
    {
        _down.Remove(brokerId);
        return Record(operation, brokerId);
    }

    private Task Mark(string operation, int brokerId, BrokerState state)
    {
        _frozenOrCut[brokerId] = state;
        return Record(operation, brokerId);
    }

    private Task Record(string operation, int brokerId)
    {
        Operations.Add($"{operation} {brokerId}");
        return Task.CompletedTask;
    }
}

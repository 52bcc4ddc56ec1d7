namespace KafkaResilience.Cluster;

/// <summary>
/// A Kafka cluster under test (Jepsen's <c>db</c> role): its brokers, its facts (leaders, replicas,
/// in-sync replicas, group coordinators) and the lifecycle operations faults are built from.
/// Every target (embedded mock, Docker, external) implements it, so scenarios and steps never
/// know which one they run on; what a target cannot model is stated in <see cref="Capabilities"/>.
/// </summary>
public interface IKafkaCluster : IAsyncDisposable
{
    /// <summary>The kind of target: "embedded", "docker" or "external".</summary>
    string TargetName { get; }

    /// <summary>What exactly runs, for reports, e.g. "embedded librdkafka 2.16.0 mock cluster".</summary>
    string Description { get; }

    /// <summary>Broker ids as the scenario chose them (e.g. 105, 106, 108).</summary>
    IReadOnlyList<int> BrokerIds { get; }

    /// <summary>Bootstrap servers clients connect to (through the fault proxies where there are any).</summary>
    string BootstrapServers { get; }

    /// <summary>Client settings every producer, consumer and admin client needs (security, for example); never logged.</summary>
    IReadOnlyDictionary<string, string> ClientSettings { get; }

    /// <summary>What this target can and cannot model.</summary>
    ClusterCapabilities Capabilities { get; }

    /// <summary>Base address of the Toxiproxy REST API fronting the brokers, or null when there is none.</summary>
    Uri? ToxiproxyApi { get; }

    /// <summary>Name of the Toxiproxy proxy in front of a broker (e.g. "broker-106").</summary>
    string ProxyNameOf(int brokerId);

    /// <summary>Every leadership and coordinator change seen or made so far, in time order.</summary>
    IReadOnlyList<LeadershipChange> LeadershipChanges { get; }

    Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default);

    Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every broker, in <see cref="BrokerIds"/> order, as the target sees it now: up, down, paused or cut off. Cheap
    /// enough to call right before a fault (reports snapshot the cluster around each one).
    /// </summary>
    Task<IReadOnlyList<BrokerStatus>> DescribeBrokersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Where the in-sync replicas <see cref="DescribeTopicAsync"/> reports come from when the cluster does not keep
    /// them itself (the embedded target's emulation), said in a sentence for reports; null when they are the cluster's own.
    /// </summary>
    string? InSyncReplicasNote { get; }

    /// <summary>The broker coordinating a consumer group.</summary>
    Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>The active controller, or null where the target has none to report.</summary>
    Task<int?> ControllerAsync(CancellationToken cancellationToken = default);

    /// <summary>Hard kill (SIGKILL-like): connections drop, nothing is flushed.</summary>
    Task KillAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Clean shutdown: leadership is handed over before the broker goes.</summary>
    Task StopAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Start a killed or stopped broker; it rejoins, leadership stays where it is.</summary>
    Task StartAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Freeze a broker: connections stay open but nothing is answered.</summary>
    Task PauseAsync(int brokerId, CancellationToken cancellationToken = default);

    Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Cut a broker off from its clients (and, where the target can, from the other brokers).</summary>
    Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Undo <see cref="IsolateAsync"/>.</summary>
    Task HealAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Move every partition of a topic back to its preferred (first) replica.</summary>
    Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default);
}

namespace KafkaResilience.Cluster;

/// <summary>
/// The facts of a cluster and the few admin actions the suite needs (create a topic, elect preferred leaders), as
/// Kafka's Admin API gives them: leaders, replicas, in-sync replicas, brokers, group coordinators, the controller,
/// and the leadership changes seen or made. Every target has it, whatever it can do to its brokers.
/// </summary>
public interface IClusterAdmin
{
    Task CreateTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default);

    Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every broker, in <see cref="IKafkaCluster.BrokerIds"/> order, as the target sees it now: up, down, paused or cut off.
    /// Cheap enough to call right before a fault (reports snapshot the cluster around each one).
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

    /// <summary>Move every partition of a topic back to its preferred (first) replica.</summary>
    Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Every leadership and coordinator change seen or made so far, in time order.</summary>
    IReadOnlyList<LeadershipChange> LeadershipChanges { get; }

    /// <summary>
    /// Raised once for each change as it lands in <see cref="LeadershipChanges"/>, in the same order, so a history can
    /// record it when it happens rather than read the list afterwards. Raised with no lock of the target held (a listener
    /// may call back into it); a listener that throws is ignored, never breaks the target.
    /// </summary>
    event Action<LeadershipChange>? LeadershipChanged;
}

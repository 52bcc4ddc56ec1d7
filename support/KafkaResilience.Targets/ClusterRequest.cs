using KafkaResilience.Cluster;

namespace KafkaResilience.Targets;

/// <summary>
/// What a scenario asks of whichever target runs it: the broker ids (the seed's 105, 106, 108 by
/// default), the topics to create before it starts, and how soon a lost broker loses its leadership.
/// </summary>
public sealed record ClusterRequest
{
    public static readonly IReadOnlyList<int> SeedBrokerIds = [105, 106, 108];

    public IReadOnlyList<int> BrokerIds { get; init; } = SeedBrokerIds;

    public IReadOnlyList<TopicSpec> Topics { get; init; } = [];

    /// <summary>
    /// How long a lost broker keeps its leadership before the controller moves it ("moves leadership off a lost
    /// broker after 2 seconds"); null keeps each target's default. Embedded: the emulated broker.session.timeout.ms.
    /// Docker: broker.session.timeout.ms (KRaft, heartbeats at a quarter of it) or zookeeper.session.timeout.ms.
    /// </summary>
    public TimeSpan? DetectionDelay { get; init; }
}

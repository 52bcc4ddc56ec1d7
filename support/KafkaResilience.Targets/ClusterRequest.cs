using KafkaResilience.Cluster;

namespace KafkaResilience.Targets;

/// <summary>
/// What a scenario asks of whichever target runs it: the broker ids (the seed's 105, 106, 108 by
/// default) and the topics to create before it starts.
/// </summary>
public sealed record ClusterRequest
{
    public static readonly IReadOnlyList<int> SeedBrokerIds = [105, 106, 108];

    public IReadOnlyList<int> BrokerIds { get; init; } = SeedBrokerIds;

    public IReadOnlyList<TopicSpec> Topics { get; init; } = [];

    /// <summary>Embedded only: the emulated broker.session.timeout.ms; null keeps the embedded default.</summary>
    public TimeSpan? EmbeddedDetectionDelay { get; init; }
}

namespace KafkaResilience.Chaos.Scenario;

/// <summary>The cluster a scenario asks for: broker ids (the seed's 105, 106, 108) and how long a lost broker goes unnoticed.</summary>
public sealed record ClusterRequest(IReadOnlyList<int> BrokerIds, TimeSpan? DetectionDelay)
{
    public void Validate()
    {
        if (BrokerIds is null || BrokerIds.Count == 0)
            throw new ArgumentException("A cluster needs at least one broker id, e.g. \"brokers 105, 106 and 108\".", nameof(BrokerIds));
        if (BrokerIds.Distinct().Count() != BrokerIds.Count)
            throw new ArgumentException($"Broker ids must be distinct (got {string.Join(", ", BrokerIds)}).", nameof(BrokerIds));
        if (DetectionDelay is { } d && (d < TimeSpan.Zero || d > TimeSpan.FromMinutes(5)))
            throw new ArgumentException($"The failure detection delay must be between 0 and 5 minutes (got {d}).", nameof(DetectionDelay));
    }
}

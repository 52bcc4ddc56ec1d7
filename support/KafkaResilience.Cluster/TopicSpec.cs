namespace KafkaResilience.Cluster;

/// <summary>A topic to create: name, partition count and replication factor.</summary>
public sealed record TopicSpec(string Name, int Partitions, int ReplicationFactor)
{
    /// <summary>Throws with the offending setting named when the spec cannot be created.</summary>
    public void Validate(int brokerCount)
    {
        if (KafkaNames.TopicNameProblem(Name) is { } refused)
            throw new ArgumentException(char.ToUpperInvariant(refused[0]) + refused[1..] + ".", nameof(Name));
        if (Partitions < 1)
            throw new ArgumentOutOfRangeException(nameof(Partitions), Partitions, "Partitions must be at least 1.");
        if (ReplicationFactor < 1 || ReplicationFactor > brokerCount)
            throw new ArgumentOutOfRangeException(nameof(ReplicationFactor), ReplicationFactor,
                $"Replication factor must be between 1 and the broker count ({brokerCount}).");
    }
}

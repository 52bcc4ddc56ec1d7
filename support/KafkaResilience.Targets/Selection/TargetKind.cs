namespace KafkaResilience.Targets.Selection;

/// <summary>The kinds of cluster the suite can run against.</summary>
public enum TargetKind
{
    /// <summary>librdkafka's mock cluster in this process (no Docker needed; a model, not Apache Kafka).</summary>
    Embedded,
    /// <summary>Three Apache Kafka KRaft brokers and Toxiproxy under Testcontainers.</summary>
    Docker,
    /// <summary>A cluster someone else runs (docker compose, a lab cluster), given by bootstrap servers.</summary>
    External,
}

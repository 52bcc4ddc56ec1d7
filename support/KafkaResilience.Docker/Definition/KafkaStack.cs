namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Which Kafka the docker target runs: today's KRaft Apache Kafka (the default), or the seed report's own
/// stack, a Kafka 2.x broker on ZooKeeper (the seed ran Kafka 2.2.0 on ZooKeeper 3.6.0). Chosen by
/// <c>KAFKA_RESILIENCE_KAFKA_STACK</c> (kraft | zookeeper) and, for docker compose, by the profile of the same name.
/// </summary>
public enum KafkaStack
{
    /// <summary>Combined broker+controller nodes of apache/kafka (KRaft); the active controller is the quorum leader.</summary>
    Kraft,

    /// <summary>Confluent Platform 5.2 brokers (Apache Kafka 2.2) on one ZooKeeper 3.6; the controller is read from metadata.</summary>
    ZooKeeper,
}

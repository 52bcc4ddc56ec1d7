namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The one ZooKeeper container of the ZooKeeper stack, as plain data: pinned image, network alias, client
/// port (never published: only the brokers talk to it), environment, and the log line that proves it serves.
/// A fault target of its own: it can be killed and paused like a broker.
/// </summary>
public sealed record ZooKeeperDefinition(
    string Image,
    string NetworkAlias,
    int ClientPort,
    IReadOnlyDictionary<string, string> Environment,
    string StartedPattern)
{
    /// <summary>"zookeeper:2181", as in KAFKA_ZOOKEEPER_CONNECT.</summary>
    public string ConnectString => $"{NetworkAlias}:{ClientPort}";
}

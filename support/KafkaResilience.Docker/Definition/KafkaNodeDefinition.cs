namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Everything one Kafka container is made of, as plain data: image, network alias, environment (the
/// whole Kafka configuration), listeners, the Toxiproxy proxy through which clients reach it, and the log
/// line (a regular expression) that proves its broker serves. A KRaft node is broker and controller at
/// once; a ZooKeeper-mode node is a broker. Both the Testcontainers builder and the docker-compose.yml
/// check are derived from this.
/// </summary>
public sealed record KafkaNodeDefinition(
    int NodeId,
    string Image,
    string NetworkAlias,
    IReadOnlyList<KafkaListenerDefinition> Listeners,
    IReadOnlyDictionary<string, string> Environment,
    string ProxyName,
    int ProxyPort,
    string StartedPattern)
{
    /// <summary>The address clients are given in metadata for this node ("127.0.0.1:19105").</summary>
    public string ExternalAddress
    {
        get
        {
            var external = Listeners.Single(l => l.Name == KafkaClusterDefaults.ExternalListener);
            return $"{external.AdvertisedHost}:{external.AdvertisedPort}";
        }
    }

    /// <summary>Container ports the node listens on.</summary>
    public IReadOnlyList<int> ContainerPorts => Listeners.Select(l => l.ContainerPort).ToArray();
}

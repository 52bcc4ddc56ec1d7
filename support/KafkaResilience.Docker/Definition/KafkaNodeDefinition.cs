namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Everything one combined broker+controller KRaft container is made of, as plain data: image,
/// network alias, environment (the whole Kafka configuration), listeners, and the Toxiproxy proxy
/// through which clients reach it. Both the Testcontainers builder and the docker-compose.yml
/// check are derived from this.
/// </summary>
public sealed record KafkaNodeDefinition(
    int NodeId,
    string Image,
    string NetworkAlias,
    IReadOnlyList<KafkaListenerDefinition> Listeners,
    IReadOnlyDictionary<string, string> Environment,
    string ProxyName,
    int ProxyPort)
{
    /// <summary>The address clients are given in metadata for this node ("localhost:19105").</summary>
    public string ExternalAddress
    {
        get
        {
            var external = Listeners.Single(l => l.Name == KafkaKraftDefaults.ExternalListener);
            return $"{external.AdvertisedHost}:{external.AdvertisedPort}";
        }
    }

    /// <summary>Container ports the node listens on.</summary>
    public IReadOnlyList<int> ContainerPorts => Listeners.Select(l => l.ContainerPort).ToArray();
}

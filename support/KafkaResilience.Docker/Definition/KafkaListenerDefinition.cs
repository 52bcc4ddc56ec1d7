namespace KafkaResilience.Docker.Definition;

/// <summary>
/// One Kafka listener of a node: its name, the container port it binds on 0.0.0.0, and the
/// address other parties are told to use (null when not advertised).
/// </summary>
public sealed record KafkaListenerDefinition(string Name, int ContainerPort, string? AdvertisedHost, int? AdvertisedPort)
{
    /// <summary>"NAME://0.0.0.0:port", as in KAFKA_LISTENERS.</summary>
    public string Bind => $"{Name}://0.0.0.0:{ContainerPort}";

    /// <summary>"NAME://host:port", as in KAFKA_ADVERTISED_LISTENERS, or null when not advertised.</summary>
    public string? Advertised => AdvertisedHost is null ? null : $"{Name}://{AdvertisedHost}:{AdvertisedPort}";
}

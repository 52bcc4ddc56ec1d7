namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The settings a <see cref="KafkaKraftClusterBuilder"/> accumulates (testcontainers-dotnet's
/// configuration type): what the user may choose before the definition is derived.
/// </summary>
public sealed record KafkaKraftClusterConfiguration(
    IReadOnlyList<int> BrokerIds,
    string ClusterId,
    int ProxyPortBase,
    string AdvertisedHost,
    string NetworkName,
    string KafkaImage,
    string ToxiproxyImage)
{
    /// <summary>The seed's cluster: brokers 105, 106, 108 with the pinned images and fixed ports.</summary>
    public static KafkaKraftClusterConfiguration Default { get; } = new(
        KafkaKraftDefaults.BrokerIds,
        KafkaKraftDefaults.ClusterId,
        KafkaKraftDefaults.ProxyPortBase,
        KafkaKraftDefaults.AdvertisedHost,
        KafkaKraftDefaults.NetworkName,
        DockerImages.Kafka,
        DockerImages.Toxiproxy);
}

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The settings a <see cref="KafkaClusterBuilder"/> accumulates (testcontainers-dotnet's
/// configuration type): what the user may choose before the definition is derived.
/// </summary>
public sealed record KafkaClusterConfiguration(
    IReadOnlyList<int> BrokerIds,
    string ClusterId,
    int ProxyPortBase,
    string AdvertisedHost,
    string NetworkName,
    string? KafkaImage,
    string ToxiproxyImage)
{
    /// <summary>The seed's cluster: brokers 105, 106, 108 on KRaft, the pinned images and fixed ports.</summary>
    public static KafkaClusterConfiguration Default { get; } = new(
        KafkaClusterDefaults.BrokerIds,
        KafkaClusterDefaults.ClusterId,
        KafkaClusterDefaults.ProxyPortBase,
        KafkaClusterDefaults.AdvertisedHost,
        KafkaClusterDefaults.NetworkName,
        null,
        DockerImages.Toxiproxy);

    /// <summary>KRaft (default) or the seed's ZooKeeper stack.</summary>
    public KafkaStack Stack { get; init; } = KafkaStack.Kraft;

    /// <summary>The ZooKeeper image of the ZooKeeper stack.</summary>
    public string ZooKeeperImage { get; init; } = DockerImages.ZooKeeper;

    /// <summary>How long a lost broker keeps its leadership before the controller moves it; null keeps Kafka's defaults.</summary>
    public TimeSpan? DetectionDelay { get; init; }

    /// <summary>The broker image: the one set, else the stack's pinned image.</summary>
    public string ResolvedKafkaImage => KafkaImage ?? DockerImages.KafkaFor(Stack);
}

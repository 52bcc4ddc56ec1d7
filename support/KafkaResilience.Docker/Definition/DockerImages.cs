namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The pinned images of the docker target and of docker-compose.yml. Pinned, never "latest", so a
/// run today and a run next year test the same Kafka; change them here and the compose test tells
/// you to change docker-compose.yml too.
/// </summary>
public static class DockerImages
{
    /// <summary>Apache Kafka, official image (KRaft only, configured by KAFKA_* environment variables).</summary>
    public const string Kafka = "apache/kafka:4.1.0";

    /// <summary>Shopify Toxiproxy server.</summary>
    public const string Toxiproxy = "ghcr.io/shopify/toxiproxy:2.12.0";
}

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The pinned images of the docker target and of docker-compose.yml. Pinned, never "latest", so a
/// run today and a run next year test the same Kafka; change them here and the compose test tells
/// you to change docker-compose.yml too. A machine without a registry needs them loaded beforehand
/// (<c>docker save</c> on a machine that can pull, <c>docker load</c> on this one; see the README).
/// </summary>
public static class DockerImages
{
    /// <summary>Apache Kafka, official image (KRaft only, configured by KAFKA_* environment variables).</summary>
    public const string Kafka = "apache/kafka:4.1.0";

    /// <summary>Confluent Platform 5.2.1: Apache Kafka 2.2.0, the seed report's broker version (ZooKeeper mode).</summary>
    public const string ZooKeeperModeKafka = "confluentinc/cp-kafka:5.2.1";

    /// <summary>The official ZooKeeper image, 3.6 as in the seed report (which ran 3.6.0).</summary>
    public const string ZooKeeper = "zookeeper:3.6.3";

    /// <summary>Shopify Toxiproxy server.</summary>
    public const string Toxiproxy = "ghcr.io/shopify/toxiproxy:2.12.0";

    /// <summary>
    /// The resource reaper Testcontainers 4.16 starts beside the first container of a run (unless
    /// TESTCONTAINERS_RYUK_DISABLED=true). Not ours to choose, but it must be present or pullable too;
    /// a test checks it against the library's own value.
    /// </summary>
    public const string ResourceReaper = "testcontainers/ryuk:0.14.0@sha256:7c1a8a9a47c780ed0f983770a662f80deb115d95cce3e2daa3d12115b8cd28f0";

    /// <summary>The broker image of a stack.</summary>
    public static string KafkaFor(KafkaStack stack) => stack switch
    {
        KafkaStack.Kraft => Kafka,
        KafkaStack.ZooKeeper => ZooKeeperModeKafka,
        _ => throw new ArgumentOutOfRangeException(nameof(stack), stack, "Unknown Kafka stack."),
    };
}

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Named defaults of the docker target's cluster: the seed report's broker ids, the container ports
/// of each listener, the fixed proxy port base that makes every advertised address known before
/// anything starts, and the log lines that prove a process has started.
/// </summary>
public static class KafkaClusterDefaults
{
    /// <summary>The seed report's brokers (named by the last octet of their hosts).</summary>
    public static readonly IReadOnlyList<int> BrokerIds = [105, 106, 108];

    /// <summary>A fixed KRaft cluster id (base64 of 16 bytes, as <c>kafka-storage.sh random-uuid</c> prints).</summary>
    public const string ClusterId = "5L6g3nShT-eMCtK--X86sw";

    /// <summary>Clients' listener inside each Kafka container; reached only through Toxiproxy.</summary>
    public const int ExternalPort = 9092;

    /// <summary>Controller (KRaft quorum) listener inside each Kafka container.</summary>
    public const int ControllerPort = 9093;

    /// <summary>Inter-broker (replication) listener inside each Kafka container.</summary>
    public const int InternalPort = 19092;

    /// <summary>Toxiproxy REST API port inside its container.</summary>
    public const int ToxiproxyApiPort = 8474;

    /// <summary>ZooKeeper's client port inside its container (ZooKeeper stack).</summary>
    public const int ZooKeeperClientPort = 2181;

    /// <summary>Proxy port of broker N is this plus N (19105, 19106, 19108 for the seed's brokers).</summary>
    public const int ProxyPortBase = 19000;

    /// <summary>
    /// The host docker-compose.yml publishes the proxies on, and so the host its brokers advertise: an IPv4
    /// literal, because "localhost" may resolve to ::1 first, where nothing is published. The docker target
    /// advertises the host Testcontainers reports for its Toxiproxy container instead.
    /// </summary>
    public const string AdvertisedHost = "127.0.0.1";

    /// <summary>Name of the Docker network (compose) and prefix of the Testcontainers network.</summary>
    public const string NetworkName = "kafka-resilience";

    /// <summary>Network alias of the Toxiproxy container.</summary>
    public const string ToxiproxyAlias = "toxiproxy";

    /// <summary>Network alias (and compose service name) of the ZooKeeper container.</summary>
    public const string ZooKeeperAlias = "zookeeper";

    /// <summary>Names of the listeners, as used in KAFKA_LISTENERS and the protocol map.</summary>
    public const string InternalListener = "INTERNAL";

    public const string ExternalListener = "EXTERNAL";

    public const string ControllerListener = "CONTROLLER";

    /// <summary>Where a KRaft node keeps its log inside the container (the image uses no defaults once KAFKA_* variables are set).</summary>
    public const string KraftLogDirs = "/tmp/kraft-combined-logs";

    /// <summary>Where a Confluent Platform broker keeps its log (the image's own default, stated so compose and Testcontainers agree).</summary>
    public const string ZooKeeperModeLogDirs = "/var/lib/kafka/data";

    /// <summary>What a KRaft node logs once its broker serves (KafkaBroker.STARTED_MESSAGE in Kafka 4.1).</summary>
    public const string KraftStartedPattern = "Kafka Server started";

    /// <summary>What a Kafka 2.2 broker logs once it serves: "[KafkaServer id=105] started (kafka.server.KafkaServer)".</summary>
    public const string ZooKeeperModeStartedPattern = @"\[KafkaServer id=\d+\] started";

    /// <summary>What ZooKeeper 3.6 logs when its client port is bound (NIOServerCnxnFactory).</summary>
    public const string ZooKeeperStartedPattern = "binding to port";

    /// <summary>
    /// The brokers' JVM options: cache successful DNS lookups for 1 s instead of 30 s, so a broker that
    /// comes back with a new IP (restart, network reconnect) is found again at once by the others. Failed
    /// lookups stay cached for the JDK's 10 s (networkaddress.cache.negative.ttl is set in java.security,
    /// which a system property cannot override).
    /// </summary>
    public const string KafkaOpts = "-Dsun.net.inetaddr.ttl=1";

    /// <summary>Kafka 2.2's zookeeper.session.timeout.ms, in force when no detection delay is set (ZooKeeper stack).</summary>
    public static readonly TimeSpan ZooKeeperModeSessionTimeout = TimeSpan.FromSeconds(6);

    /// <summary>Network alias of a Kafka node (the same on both stacks, so Toxiproxy's upstreams do not change).</summary>
    public static string NodeAlias(int nodeId) => $"kafka-{nodeId}";

    /// <summary>docker-compose.yml service of a broker: kafka-105 (KRaft profile), kafka-105-zk (ZooKeeper profile).</summary>
    public static string ServiceName(KafkaStack stack, int nodeId) =>
        stack == KafkaStack.ZooKeeper ? $"kafka-{nodeId}-zk" : NodeAlias(nodeId);

    /// <summary>docker-compose.yml profile of a stack: "kraft" or "zookeeper".</summary>
    public static string ProfileName(KafkaStack stack) => stack == KafkaStack.ZooKeeper ? "zookeeper" : "kraft";

    /// <summary>Name of the Toxiproxy proxy in front of a broker (the same on every target).</summary>
    public static string ProxyName(int nodeId) => $"broker-{nodeId}";
}

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Named defaults of the three-node KRaft cluster: the seed report's broker ids, the container ports
/// of each listener, and the fixed proxy port base that makes every advertised address known
/// before anything starts.
/// </summary>
public static class KafkaKraftDefaults
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

    /// <summary>Proxy port of broker N is this plus N (19105, 19106, 19108 for the seed's brokers).</summary>
    public const int ProxyPortBase = 19000;

    /// <summary>The host name clients use to reach the mapped proxy ports.</summary>
    public const string AdvertisedHost = "localhost";

    /// <summary>Name of the Docker network (compose) and prefix of the Testcontainers network.</summary>
    public const string NetworkName = "kafka-resilience";

    /// <summary>Network alias of the Toxiproxy container.</summary>
    public const string ToxiproxyAlias = "toxiproxy";

    /// <summary>Names of the three listeners, as used in KAFKA_LISTENERS and the protocol map.</summary>
    public const string InternalListener = "INTERNAL";

    public const string ExternalListener = "EXTERNAL";

    public const string ControllerListener = "CONTROLLER";

    /// <summary>Where Kafka keeps its log inside the container (the image uses no defaults once KAFKA_* variables are set).</summary>
    public const string LogDirs = "/tmp/kraft-combined-logs";

    /// <summary>The log line a KRaft node prints when its broker is up.</summary>
    public const string StartedLogLine = "Kafka Server started";

    /// <summary>Network alias (and compose service name) of a Kafka node.</summary>
    public static string NodeAlias(int nodeId) => $"kafka-{nodeId}";

    /// <summary>Name of the Toxiproxy proxy in front of a broker (the same on every target).</summary>
    public static string ProxyName(int nodeId) => $"broker-{nodeId}";
}

namespace KafkaResilience.Targets.Selection;

/// <summary>The environment variables that choose and configure the target, in one place for docs and errors.</summary>
public static class TargetEnvironmentVariables
{
    /// <summary>auto (default) | embedded | docker | external.</summary>
    public const string Target = "KAFKA_RESILIENCE_TARGET";

    /// <summary>Docker target: kraft (default: Apache Kafka 4.1 KRaft) | zookeeper (the seed's Kafka 2.2 on ZooKeeper 3.6).</summary>
    public const string KafkaStack = "KAFKA_RESILIENCE_KAFKA_STACK";

    /// <summary>How long the Docker probe waits for each answer of the engine, in milliseconds (default 1000).</summary>
    public const string DockerProbeTimeoutMs = "KAFKA_RESILIENCE_DOCKER_PROBE_TIMEOUT_MS";

    /// <summary>External target: bootstrap servers, e.g. localhost:19105,localhost:19106,localhost:19108.</summary>
    public const string Bootstrap = "KAFKA_RESILIENCE_BOOTSTRAP";

    /// <summary>External target: Toxiproxy REST API in front of the brokers, e.g. http://localhost:8474 (optional).</summary>
    public const string Toxiproxy = "KAFKA_RESILIENCE_TOXIPROXY";

    /// <summary>External target: Toxiproxy proxy name per broker, with {id} for the broker id (default broker-{id}).</summary>
    public const string ProxyNameFormat = "KAFKA_RESILIENCE_PROXY_NAME_FORMAT";

    /// <summary>External target: PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL (default derived from the SASL and SSL settings).</summary>
    public const string SecurityProtocol = "KAFKA_RESILIENCE_SECURITY_PROTOCOL";

    /// <summary>External target: PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512 (optional).</summary>
    public const string SaslMechanism = "KAFKA_RESILIENCE_SASL_MECHANISM";

    public const string SaslUsername = "KAFKA_RESILIENCE_SASL_USERNAME";

    /// <summary>Never printed: masked in every ToString, log and report.</summary>
    public const string SaslPassword = "KAFKA_RESILIENCE_SASL_PASSWORD";

    /// <summary>External target: path of a PEM file with the CA that signed the brokers' certificates (optional).</summary>
    public const string SslCa = "KAFKA_RESILIENCE_SSL_CA";

    /// <summary>External target: how long the reachability probe waits for metadata, in milliseconds (default 5000).</summary>
    public const string ConnectTimeoutMs = "KAFKA_RESILIENCE_CONNECT_TIMEOUT_MS";

    /// <summary>Path of a JSON settings file with the same external settings; environment variables win over it.</summary>
    public const string SettingsFile = "KAFKA_RESILIENCE_SETTINGS";
}

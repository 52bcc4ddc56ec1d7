using System.Globalization;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The documented contract of <c>confluentinc/cp-kafka:5.2.1</c> (Apache Kafka 2.2.0 on ZooKeeper): the variables its
/// configure script demands or refuses, what its template makes of the others, Kafka 2.2's limits on broker ids and
/// listeners, the ZooKeeper it waits for, where data must go, and how readiness is seen. Each rule cites its source.
/// </summary>
public static class ConfluentKafkaImageContract
{
    /// <summary>The image tag the contract was read for.</summary>
    public const string Image = "confluentinc/cp-kafka:5.2.1";

    /// <summary>Kafka 2.2's reserved.broker.max.id: the highest broker.id allowed while broker.id.generation.enable is on (its default).</summary>
    public const int MaxBrokerId = 1000;

    /// <summary>Kafka 2.2's zookeeper.session.timeout.ms when none is set.</summary>
    public const int DefaultSessionTimeoutMs = 6000;

    /// <summary>Where the image's ensure script checks for a writable data directory (KAFKA_DATA_DIRS' default), and its volume.</summary>
    public const string DataDir = "/var/lib/kafka/data";

    /// <summary>Variables the template leaves out of kafka.properties (its excluded list as it parses: the missing comma joins two names into one).</summary>
    public static readonly IReadOnlySet<string> NonPropertyVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "KAFKA_VERSION", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
        "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_PORT", "KAFKA_JMX_HOSTNAME", "KAFKA_DATA_DIRS", "KAFKA_CUB_ZK_TIMEOUT",
        "CONFLUENT_SUPPORT_METRICS_ENABLE",
    };

    /// <summary>Kafka 2.2 broker properties the definition may set (each a *Prop of core/src/main/scala/kafka/server/KafkaConfig.scala at 2.2.0).</summary>
    public static readonly IReadOnlySet<string> KnownProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "broker.id", "zookeeper.connect", "zookeeper.session.timeout.ms", "listeners", "advertised.listeners", "listener.security.protocol.map",
        "inter.broker.listener.name", "log.dirs", "offsets.topic.replication.factor", "transaction.state.log.replication.factor",
        "transaction.state.log.min.isr", "group.initial.rebalance.delay.ms",
    };

    /// <summary>Variables the configure script exits on.</summary>
    public static readonly IReadOnlyList<string> RefusedVariables = ["KAFKA_PORT", "KAFKA_HOST", "KAFKA_ADVERTISED_PORT", "KAFKA_ADVERTISED_HOST"];

    public static readonly ContractRule Pinned = new("CPKAFKA-IMAGE",
        $"the image is {Image}, the version this contract was read for", ContractSources.ConfluentDockerfile);

    public static readonly ContractRule Required = new("CPKAFKA-REQUIRED",
        "KAFKA_ZOOKEEPER_CONNECT and KAFKA_ADVERTISED_LISTENERS are set (configure: dub ensure), and KAFKA_BROKER_ID, or Kafka generates an id above 1000 instead of the scenario's",
        ContractSources.ConfluentConfigure);

    public static readonly ContractRule Refused = new("CPKAFKA-REFUSED",
        "none of KAFKA_PORT, KAFKA_HOST, KAFKA_ADVERTISED_PORT, KAFKA_ADVERTISED_HOST is set (configure exits: 'deprecated. Please use KAFKA_ADVERTISED_LISTENERS')",
        ContractSources.ConfluentConfigure);

    public static readonly ContractRule KnownVariable = new("CPKAFKA-ENV-PROPERTY",
        "every KAFKA_* variable the template does not exclude becomes a property that exists in Kafka 2.2 (so KAFKA_HEAP_OPTS and KAFKA_LOG4J_OPTS, caught by its missing comma, are not set); the others are CONFLUENT_SUPPORT_* or read by the scripts",
        ContractSources.ConfluentTemplate);

    public static readonly ContractRule BrokerId = new("CPKAFKA-BROKER-ID",
        $"broker.id is a whole number from 0 to reserved.broker.max.id ({MaxBrokerId}), distinct across brokers",
        ContractSources.Kafka22Config);

    public static readonly BrokerListenerRules Listeners = new(
        new("CPKAFKA-LISTENERS", "KAFKA_LISTENERS is NAME://host:port entries with distinct names and distinct ports", ContractSources.Kafka22ListenerParsing),
        new("CPKAFKA-PROTOCOL-MAP", "every listener name is mapped to PLAINTEXT in listener.security.protocol.map", ContractSources.Kafka22ListenerParsing),
        new("CPKAFKA-ADVERTISED", "advertised.listeners names only listeners of KAFKA_LISTENERS, with distinct names and distinct ports (Kafka 2.2 parses it as it parses listeners), at a routable host", ContractSources.Kafka22ListenerParsing),
        new("CPKAFKA-INTER-BROKER", "inter.broker.listener.name is an advertised listener", ContractSources.Kafka22Config),
        new("CPKAFKA-PLAINTEXT", "no advertised listener contains SSL:// or SASL_ (configure would demand keystores or a JAAS KAFKA_OPTS)", ContractSources.ConfluentConfigure),
        AdvertisedPortsDistinct: true);

    public static readonly ContractRule ZooKeeperConnect = new("CPKAFKA-ZOOKEEPER",
        "zookeeper.connect is host:port of the ZooKeeper container (its alias and client port): the image waits for it (cub zk-ready) before it starts",
        ContractSources.ConfluentEnsure);

    public static readonly ContractRule Session = new("CPKAFKA-ZK-SESSION",
        $"zookeeper.session.timeout.ms (Kafka 2.2 default {DefaultSessionTimeoutMs}) is within 2 and 20 ticks of ZooKeeper's tickTime, or ZooKeeper grants another timeout",
        ContractSources.ZooKeeperSessionBounds);

    public static readonly ContractRule DataDirs = new("CPKAFKA-DATA-DIR",
        $"log.dirs is {DataDir}, the volume the ensure script checks for writing (KAFKA_DATA_DIRS' default)",
        ContractSources.ConfluentEnsure);

    public static readonly ContractRule Metrics = new("CPKAFKA-SUPPORT-METRICS",
        "CONFLUENT_SUPPORT_METRICS_ENABLE is 'false' (the template's confluent.support.metrics.enable): the broker reports nothing to Confluent",
        ContractSources.ConfluentMetricsFixture);

    public static readonly ContractRule Command = new("CPKAFKA-COMMAND",
        "the command is the image's own (/etc/confluent/docker/run: configure, ensure, launch); no command is set",
        ContractSources.ConfluentDockerfile);

    public static readonly ContractRule Readiness = new("CPKAFKA-READY",
        "readiness is the line Kafka 2.2 logs when it serves ('[KafkaServer id=N] started'), or a health check running kafka-broker-api-versions (on PATH, no .sh) against a listener on localhost",
        ContractSources.Kafka22Started);

    /// <summary>Every rule of this contract.</summary>
    public static IReadOnlyList<ContractRule> Rules =>
    [
        Pinned, Required, Refused, KnownVariable, BrokerId,
        Listeners.Listeners, Listeners.ProtocolMap, Listeners.Advertised, Listeners.InterBroker, Listeners.Plaintext,
        ZooKeeperConnect, Session, DataDirs, Metrics, Command, Readiness,
    ];

    /// <summary>A line as Kafka 2.2's KafkaServer logs it once it serves.</summary>
    public static string StartedLine(int brokerId) => $"[2019-04-01 12:00:00,000] INFO [KafkaServer id={brokerId}] started (kafka.server.KafkaServer)";

    public static void Check(ClusterUnderContract cluster, ContractFindings findings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        var brokers = cluster.Of(ClusterUnderContract.ConfluentKafkaRepository);
        var zooKeeper = cluster.Of(ClusterUnderContract.ZooKeeperRepository).FirstOrDefault();
        foreach (var broker in brokers)
        {
            findings.Expect(broker.Image == Image, Pinned, broker, "image", broker.Image);
            foreach (var variable in new[] { "KAFKA_ZOOKEEPER_CONNECT", "KAFKA_ADVERTISED_LISTENERS", "KAFKA_BROKER_ID" })
                findings.Expect(!string.IsNullOrWhiteSpace(broker.Env(variable)), Required, broker, variable, broker.Env(variable));
            foreach (var variable in RefusedVariables)
                findings.Expect(broker.Env(variable) is null, Refused, broker, variable, broker.Env(variable));
            foreach (var (key, value) in broker.Environment)
            {
                var known = NonPropertyVariables.Contains(key)
                    || (key.StartsWith("KAFKA_", StringComparison.Ordinal) && KnownProperties.Contains(KafkaEnvironmentProperties.PropertyOf(key)));
                findings.Expect(known, KnownVariable, broker, key, key.StartsWith("KAFKA_", StringComparison.Ordinal) ? $"{value} (property {KafkaEnvironmentProperties.PropertyOf(key)})" : value);
            }

            var id = broker.Env("KAFKA_BROKER_ID");
            findings.Expect(int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var brokerId) && brokerId <= MaxBrokerId
                    && brokers.Count(b => b.Env("KAFKA_BROKER_ID") == id) == 1,
                BrokerId, broker, "KAFKA_BROKER_ID", id);

            Listeners.Check(broker, findings, []);

            var connect = broker.Env("KAFKA_ZOOKEEPER_CONNECT");
            findings.Expect(zooKeeper is not null && connect is not null && connect.Split(',').All(hp => hp.Split(':') is [var host, var port]
                    && zooKeeper.Aliases.Contains(host) && port == ZooKeeperImageContract.ClientPort(zooKeeper).ToString(CultureInfo.InvariantCulture)),
                ZooKeeperConnect, broker, "KAFKA_ZOOKEEPER_CONNECT", connect);

            var session = broker.Env("KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS");
            var sessionMs = int.TryParse(session, CultureInfo.InvariantCulture, out var s) ? s : session is null ? DefaultSessionTimeoutMs : -1;
            var tick = zooKeeper is null ? (int?)null : ZooKeeperImageContract.TickTime(zooKeeper);
            findings.Expect(tick is { } t && sessionMs >= 2 * t && sessionMs <= 20 * t, Session, broker, "KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS",
                $"{session ?? $"{DefaultSessionTimeoutMs} by default"} (ZooKeeper tickTime {tick?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})");

            var logDirs = broker.Env("KAFKA_LOG_DIRS") ?? DataDir;
            findings.Expect(logDirs == (broker.Env("KAFKA_DATA_DIRS") ?? DataDir), DataDirs, broker, "KAFKA_LOG_DIRS", logDirs);
            findings.Expect(broker.Env("CONFLUENT_SUPPORT_METRICS_ENABLE") == "false", Metrics, broker, "CONFLUENT_SUPPORT_METRICS_ENABLE", broker.Env("CONFLUENT_SUPPORT_METRICS_ENABLE"));
            findings.Expect(broker.Command.Count == 0, Command, broker, "command", string.Join(' ', broker.Command));

            var readiness = broker.Readiness;
            var ready = readiness.LogPattern is { } pattern
                ? Regex.IsMatch(StartedLine(brokerId), pattern)
                : readiness.HealthCheck.Count > 0 && KraftImageContract.BrokerHealthCheck(string.Join(' ', readiness.HealthCheck.Skip(1)), "kafka-broker-api-versions", broker);
            findings.Expect(ready, Readiness, broker, "readiness", readiness.LogPattern is { } p ? $"waits for /{p}/" : string.Join(' ', readiness.HealthCheck));
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using KafkaResilience.Cluster;

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Immutable fluent builder of a <see cref="KafkaClusterDefinition"/> (the testcontainers-dotnet
/// idiom: every <c>With...</c> returns a new builder, <see cref="Validate"/> runs before
/// <see cref="Build"/> and names the bad setting and what is allowed).
/// </summary>
public sealed partial class KafkaClusterBuilder
{
    /// <summary>Most brokers a definition may have (in KRaft every node is a quorum voter).</summary>
    public const int MaxBrokers = 9;

    /// <summary>Highest broker id of the ZooKeeper stack: Kafka 2.2's reserved.broker.max.id while id generation is on (its default).</summary>
    public const int MaxZooKeeperModeBrokerId = 1000;

    private readonly KafkaClusterConfiguration _configuration;

    public KafkaClusterBuilder()
        : this(KafkaClusterConfiguration.Default)
    {
    }

    public KafkaClusterBuilder(KafkaClusterConfiguration configuration) =>
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

    /// <summary>The settings so far.</summary>
    public KafkaClusterConfiguration Configuration => _configuration;

    /// <summary>Broker ids as the scenario names them (in KRaft each is both broker id and controller id).</summary>
    public KafkaClusterBuilder WithBrokerIds(params int[] brokerIds) =>
        new(_configuration with { BrokerIds = [.. brokerIds] });

    /// <summary>KRaft (default) or the seed's ZooKeeper stack; the broker image follows unless one was set.</summary>
    public KafkaClusterBuilder WithStack(KafkaStack stack) => new(_configuration with { Stack = stack });

    public KafkaClusterBuilder WithClusterId(string clusterId) => new(_configuration with { ClusterId = clusterId });

    /// <summary>Broker N's proxy is published on host port base + N.</summary>
    public KafkaClusterBuilder WithProxyPortBase(int proxyPortBase) => new(_configuration with { ProxyPortBase = proxyPortBase });

    /// <summary>The host clients dial: the one the proxies are published on (Toxiproxy's host as Testcontainers reports it).</summary>
    public KafkaClusterBuilder WithAdvertisedHost(string advertisedHost) => new(_configuration with { AdvertisedHost = advertisedHost });

    public KafkaClusterBuilder WithNetworkName(string networkName) => new(_configuration with { NetworkName = networkName });

    public KafkaClusterBuilder WithKafkaImage(string image) => new(_configuration with { KafkaImage = image });

    public KafkaClusterBuilder WithZooKeeperImage(string image) => new(_configuration with { ZooKeeperImage = image });

    public KafkaClusterBuilder WithToxiproxyImage(string image) => new(_configuration with { ToxiproxyImage = image });

    /// <summary>How long a lost broker keeps leadership: broker.session.timeout.ms (KRaft) or zookeeper.session.timeout.ms.</summary>
    public KafkaClusterBuilder WithDetectionDelay(TimeSpan? delay) => new(_configuration with { DetectionDelay = delay });

    /// <summary>Throws naming the first invalid setting and the allowed values.</summary>
    public void Validate()
    {
        var c = _configuration;
        if (!Enum.IsDefined(c.Stack))
            throw new ArgumentException($"Stack must be {string.Join(" or ", Enum.GetNames<KafkaStack>())}; got {c.Stack}.", nameof(KafkaClusterConfiguration.Stack));
        if (KafkaNames.BrokerIdsProblem(c.BrokerIds) is { } refused)
            throw new ArgumentException($"BrokerIds {refused}.", nameof(KafkaClusterConfiguration.BrokerIds));
        if (c.BrokerIds.Count > MaxBrokers)
            throw new ArgumentException($"BrokerIds must hold 1 to {MaxBrokers} ids; got {c.BrokerIds.Count}.", nameof(KafkaClusterConfiguration.BrokerIds));
        if (c.Stack == KafkaStack.ZooKeeper && c.BrokerIds.Any(id => id > MaxZooKeeperModeBrokerId))
            throw new ArgumentException(
                $"BrokerIds must be at most {MaxZooKeeperModeBrokerId} on the ZooKeeper stack (Kafka 2.2's reserved.broker.max.id); got {string.Join(", ", c.BrokerIds)}.",
                nameof(KafkaClusterConfiguration.BrokerIds));
        if (c.Stack == KafkaStack.Kraft && !ClusterIdPattern().IsMatch(c.ClusterId ?? string.Empty))
            throw new ArgumentException(
                $"ClusterId must be 22 characters of URL-safe base64 (a 16-byte UUID as kafka-storage.sh random-uuid prints); got '{c.ClusterId}'.",
                nameof(KafkaClusterConfiguration.ClusterId));
        if (c.ProxyPortBase < 1024 || c.BrokerIds.Any(id => c.ProxyPortBase + id > 65535))
            throw new ArgumentException(
                $"ProxyPortBase must be at least 1024 and ProxyPortBase + every broker id at most 65535; got {c.ProxyPortBase} with ids {string.Join(", ", c.BrokerIds)}.",
                nameof(KafkaClusterConfiguration.ProxyPortBase));
        var proxyPorts = c.BrokerIds.Select(id => c.ProxyPortBase + id).ToArray();
        if (c.Stack == KafkaStack.ZooKeeper && proxyPorts.Contains(KafkaClusterDefaults.InternalPort))
            throw new ArgumentException(
                $"ProxyPortBase + a broker id must not be {KafkaClusterDefaults.InternalPort} on the ZooKeeper stack: Kafka 2.2 refuses advertised listeners that share a port (the inter-broker listener has it).",
                nameof(KafkaClusterConfiguration.ProxyPortBase));
        if (proxyPorts.Contains(KafkaClusterDefaults.ToxiproxyApiPort))
            throw new ArgumentException(
                $"ProxyPortBase + a broker id must not be the Toxiproxy API port {KafkaClusterDefaults.ToxiproxyApiPort}.",
                nameof(KafkaClusterConfiguration.ProxyPortBase));
        if (string.IsNullOrWhiteSpace(c.AdvertisedHost) || c.AdvertisedHost.Any(char.IsWhiteSpace))
            throw new ArgumentException($"AdvertisedHost must be a host name or address such as '127.0.0.1'; got '{c.AdvertisedHost}'.", nameof(KafkaClusterConfiguration.AdvertisedHost));
        if (!NamePattern().IsMatch(c.NetworkName ?? string.Empty))
            throw new ArgumentException($"NetworkName must match [a-zA-Z0-9][a-zA-Z0-9_.-]*; got '{c.NetworkName}'.", nameof(KafkaClusterConfiguration.NetworkName));
        if (!IsPinned(c.ResolvedKafkaImage))
            throw new ArgumentException($"KafkaImage must be pinned to a tag other than 'latest' (e.g. {DockerImages.KafkaFor(c.Stack)}); got '{c.KafkaImage}'.", nameof(KafkaClusterConfiguration.KafkaImage));
        if (c.Stack == KafkaStack.ZooKeeper && !IsPinned(c.ZooKeeperImage))
            throw new ArgumentException($"ZooKeeperImage must be pinned to a tag other than 'latest' (e.g. {DockerImages.ZooKeeper}); got '{c.ZooKeeperImage}'.", nameof(KafkaClusterConfiguration.ZooKeeperImage));
        if (!IsPinned(c.ToxiproxyImage))
            throw new ArgumentException($"ToxiproxyImage must be pinned to a tag other than 'latest' (e.g. {DockerImages.Toxiproxy}); got '{c.ToxiproxyImage}'.", nameof(KafkaClusterConfiguration.ToxiproxyImage));
        if (c.DetectionDelay is { } delay)
            FailureDetection.Validate(delay, nameof(KafkaClusterConfiguration.DetectionDelay));
    }

    /// <summary>Validates, then derives every container's definition.</summary>
    public KafkaClusterDefinition Build()
    {
        Validate();
        var c = _configuration;
        var count = c.BrokerIds.Count;
        var replicationFactor = Math.Min(3, count);
        var minInSync = Math.Max(1, Math.Min(2, count - 1));

        var zooKeeper = c.Stack == KafkaStack.ZooKeeper ? BuildZooKeeper(c) : null;
        var nodes = c.BrokerIds
            .Select(id => c.Stack == KafkaStack.ZooKeeper
                ? BuildZooKeeperModeNode(c, id, zooKeeper!, replicationFactor, minInSync)
                : BuildKraftNode(c, id, replicationFactor, minInSync))
            .ToArray();
        var proxies = nodes
            .Select(n => new ToxiproxyProxyDefinition(n.ProxyName, $"0.0.0.0:{n.ProxyPort}", $"{n.NetworkAlias}:{KafkaClusterDefaults.ExternalPort}"))
            .ToArray();
        var toxiproxy = new ToxiproxyDefinition(
            c.ToxiproxyImage,
            KafkaClusterDefaults.ToxiproxyAlias,
            ["-host=0.0.0.0"],
            KafkaClusterDefaults.ToxiproxyApiPort,
            proxies,
            nodes.Select(n => n.ProxyPort).ToArray());

        return new KafkaClusterDefinition(c.Stack, c.NetworkName, nodes, toxiproxy, zooKeeper, replicationFactor, minInSync, c.DetectionDelay);
    }

    private static KafkaNodeDefinition BuildKraftNode(KafkaClusterConfiguration c, int id, int replicationFactor, int minInSync)
    {
        var alias = KafkaClusterDefaults.NodeAlias(id);
        var proxyPort = c.ProxyPortBase + id;
        var quorumVoters = string.Join(",", c.BrokerIds.Select(v => $"{v}@{KafkaClusterDefaults.NodeAlias(v)}:{KafkaClusterDefaults.ControllerPort}"));
        KafkaListenerDefinition[] listeners =
        [
            new(KafkaClusterDefaults.InternalListener, KafkaClusterDefaults.InternalPort, alias, KafkaClusterDefaults.InternalPort),
            new(KafkaClusterDefaults.ExternalListener, KafkaClusterDefaults.ExternalPort, c.AdvertisedHost, proxyPort),
            // Advertised at the address the quorum voters give for this node: without it Kafka 4.x falls back to the
            // listener's own 0.0.0.0, which 3.9.0 refused outright (KAFKA-18281); see KraftImageContract.ControllerListener.
            new(KafkaClusterDefaults.ControllerListener, KafkaClusterDefaults.ControllerPort, alias, KafkaClusterDefaults.ControllerPort),
        ];
        var environment = CommonBrokerEnvironment(listeners, replicationFactor, minInSync);
        environment["CLUSTER_ID"] = c.ClusterId;
        environment["KAFKA_NODE_ID"] = Text(id);
        environment["KAFKA_PROCESS_ROLES"] = "broker,controller";
        environment["KAFKA_CONTROLLER_LISTENER_NAMES"] = KafkaClusterDefaults.ControllerListener;
        environment["KAFKA_CONTROLLER_QUORUM_VOTERS"] = quorumVoters;
        environment["KAFKA_LOG_DIRS"] = KafkaClusterDefaults.KraftLogDirs;
        environment["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR"] = Text(replicationFactor);
        environment["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR"] = Text(minInSync);
        if (c.DetectionDelay is { } delay)
        {
            var (session, heartbeat) = FailureDetection.Kraft(delay);
            environment["KAFKA_BROKER_SESSION_TIMEOUT_MS"] = Text(session);
            environment["KAFKA_BROKER_HEARTBEAT_INTERVAL_MS"] = Text(heartbeat);
        }
        return new KafkaNodeDefinition(id, c.ResolvedKafkaImage, alias, listeners, environment, KafkaClusterDefaults.ProxyName(id), proxyPort,
            KafkaClusterDefaults.KraftStartedPattern);
    }

    private static KafkaNodeDefinition BuildZooKeeperModeNode(KafkaClusterConfiguration c, int id, ZooKeeperDefinition zooKeeper, int replicationFactor, int minInSync)
    {
        var alias = KafkaClusterDefaults.NodeAlias(id);
        var proxyPort = c.ProxyPortBase + id;
        KafkaListenerDefinition[] listeners =
        [
            new(KafkaClusterDefaults.InternalListener, KafkaClusterDefaults.InternalPort, alias, KafkaClusterDefaults.InternalPort),
            new(KafkaClusterDefaults.ExternalListener, KafkaClusterDefaults.ExternalPort, c.AdvertisedHost, proxyPort),
        ];
        var environment = CommonBrokerEnvironment(listeners, replicationFactor, minInSync);
        environment["KAFKA_BROKER_ID"] = Text(id);
        environment["KAFKA_ZOOKEEPER_CONNECT"] = zooKeeper.ConnectString;
        environment["KAFKA_LOG_DIRS"] = KafkaClusterDefaults.ZooKeeperModeLogDirs;
        // Confluent Platform 5.2 reports usage to Confluent unless told not to: no lookup may leave the machine.
        environment["CONFLUENT_SUPPORT_METRICS_ENABLE"] = "false";
        if (c.DetectionDelay is { } delay)
            environment["KAFKA_ZOOKEEPER_SESSION_TIMEOUT_MS"] = Text(FailureDetection.ZooKeeper(delay).SessionTimeoutMs);
        return new KafkaNodeDefinition(id, c.ResolvedKafkaImage, alias, listeners, environment, KafkaClusterDefaults.ProxyName(id), proxyPort,
            KafkaClusterDefaults.ZooKeeperModeStartedPattern);
    }

    private static ZooKeeperDefinition BuildZooKeeper(KafkaClusterConfiguration c)
    {
        var tick = c.DetectionDelay is { } delay ? FailureDetection.ZooKeeper(delay).TickTimeMs : FailureDetection.DefaultTickMs;
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ZOO_TICK_TIME"] = Text(tick),
            // "srvr" answers `zkServer.sh status` (compose's health check) and "ruok" a liveness probe; nothing else is opened.
            ["ZOO_4LW_COMMANDS_WHITELIST"] = "srvr,ruok",
        };
        return new ZooKeeperDefinition(c.ZooKeeperImage, KafkaClusterDefaults.ZooKeeperAlias, KafkaClusterDefaults.ZooKeeperClientPort, environment,
            KafkaClusterDefaults.ZooKeeperStartedPattern);
    }

    // What both stacks' brokers share: listeners, internal-topic replication, no group start delay, a short DNS cache.
    private static SortedDictionary<string, string> CommonBrokerEnvironment(IReadOnlyList<KafkaListenerDefinition> listeners, int replicationFactor, int minInSync) =>
        new(StringComparer.Ordinal)
        {
            ["KAFKA_LISTENERS"] = string.Join(",", listeners.Select(l => l.Bind)),
            ["KAFKA_ADVERTISED_LISTENERS"] = string.Join(",", listeners.Where(l => l.Advertised is not null).Select(l => l.Advertised)),
            ["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] = string.Join(",", listeners.Select(l => $"{l.Name}:PLAINTEXT")),
            ["KAFKA_INTER_BROKER_LISTENER_NAME"] = KafkaClusterDefaults.InternalListener,
            ["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] = Text(replicationFactor),
            ["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] = Text(replicationFactor),
            ["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"] = Text(minInSync),
            ["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] = "0",
            ["KAFKA_OPTS"] = KafkaClusterDefaults.KafkaOpts,
        };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsPinned(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || image.Any(char.IsWhiteSpace))
            return false;
        if (image.Contains("@sha256:", StringComparison.Ordinal))
            return true;
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon > 0 && colon < image.Length - 1 && image[(colon + 1)..] != "latest";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex ClusterIdPattern();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex NamePattern();
}

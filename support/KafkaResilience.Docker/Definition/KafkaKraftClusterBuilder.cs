using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Definition;

/// <summary>
/// Immutable fluent builder of a <see cref="KafkaKraftClusterDefinition"/> (the testcontainers-dotnet
/// idiom: every <c>With...</c> returns a new builder, <see cref="Validate"/> runs before
/// <see cref="Build"/> and names the bad setting and what is allowed).
/// </summary>
public sealed partial class KafkaKraftClusterBuilder
{
    /// <summary>Most brokers a definition may have (quorum voters are every node).</summary>
    public const int MaxBrokers = 9;

    private readonly KafkaKraftClusterConfiguration _configuration;

    public KafkaKraftClusterBuilder()
        : this(KafkaKraftClusterConfiguration.Default)
    {
    }

    private KafkaKraftClusterBuilder(KafkaKraftClusterConfiguration configuration) => _configuration = configuration;

    /// <summary>The settings so far.</summary>
    public KafkaKraftClusterConfiguration Configuration => _configuration;

    /// <summary>Node ids as the scenario names them (each is both broker id and controller id).</summary>
    public KafkaKraftClusterBuilder WithBrokerIds(params int[] brokerIds) =>
        new(_configuration with { BrokerIds = [.. brokerIds] });

    public KafkaKraftClusterBuilder WithClusterId(string clusterId) => new(_configuration with { ClusterId = clusterId });

    /// <summary>Broker N's proxy is published on host port base + N.</summary>
    public KafkaKraftClusterBuilder WithProxyPortBase(int proxyPortBase) => new(_configuration with { ProxyPortBase = proxyPortBase });

    public KafkaKraftClusterBuilder WithAdvertisedHost(string advertisedHost) => new(_configuration with { AdvertisedHost = advertisedHost });

    public KafkaKraftClusterBuilder WithNetworkName(string networkName) => new(_configuration with { NetworkName = networkName });

    public KafkaKraftClusterBuilder WithKafkaImage(string image) => new(_configuration with { KafkaImage = image });

    public KafkaKraftClusterBuilder WithToxiproxyImage(string image) => new(_configuration with { ToxiproxyImage = image });

    /// <summary>Throws naming the first invalid setting and the allowed values.</summary>
    public void Validate()
    {
        var c = _configuration;
        if (c.BrokerIds.Count is < 1 or > MaxBrokers)
            throw new ArgumentException($"BrokerIds must hold 1 to {MaxBrokers} ids; got {c.BrokerIds.Count}.", nameof(KafkaKraftClusterConfiguration.BrokerIds));
        if (c.BrokerIds.Distinct().Count() != c.BrokerIds.Count)
            throw new ArgumentException($"BrokerIds must be distinct; got {string.Join(", ", c.BrokerIds)}.", nameof(KafkaKraftClusterConfiguration.BrokerIds));
        if (c.BrokerIds.Any(id => id < 0))
            throw new ArgumentException($"BrokerIds must be 0 or greater; got {string.Join(", ", c.BrokerIds)}.", nameof(KafkaKraftClusterConfiguration.BrokerIds));
        if (!ClusterIdPattern().IsMatch(c.ClusterId ?? string.Empty))
            throw new ArgumentException(
                $"ClusterId must be 22 characters of URL-safe base64 (a 16-byte UUID as kafka-storage.sh random-uuid prints); got '{c.ClusterId}'.",
                nameof(KafkaKraftClusterConfiguration.ClusterId));
        if (c.ProxyPortBase < 1024 || c.BrokerIds.Any(id => c.ProxyPortBase + id > 65535))
            throw new ArgumentException(
                $"ProxyPortBase must be at least 1024 and ProxyPortBase + every broker id at most 65535; got {c.ProxyPortBase} with ids {string.Join(", ", c.BrokerIds)}.",
                nameof(KafkaKraftClusterConfiguration.ProxyPortBase));
        var proxyPorts = c.BrokerIds.Select(id => c.ProxyPortBase + id).ToArray();
        if (proxyPorts.Contains(KafkaKraftDefaults.ToxiproxyApiPort))
            throw new ArgumentException(
                $"ProxyPortBase + a broker id must not be the Toxiproxy API port {KafkaKraftDefaults.ToxiproxyApiPort}.",
                nameof(KafkaKraftClusterConfiguration.ProxyPortBase));
        if (string.IsNullOrWhiteSpace(c.AdvertisedHost) || c.AdvertisedHost.Any(char.IsWhiteSpace))
            throw new ArgumentException($"AdvertisedHost must be a host name such as 'localhost'; got '{c.AdvertisedHost}'.", nameof(KafkaKraftClusterConfiguration.AdvertisedHost));
        if (!NamePattern().IsMatch(c.NetworkName ?? string.Empty))
            throw new ArgumentException($"NetworkName must match [a-zA-Z0-9][a-zA-Z0-9_.-]*; got '{c.NetworkName}'.", nameof(KafkaKraftClusterConfiguration.NetworkName));
        if (!IsPinned(c.KafkaImage))
            throw new ArgumentException($"KafkaImage must be pinned to a tag other than 'latest' (e.g. {DockerImages.Kafka}); got '{c.KafkaImage}'.", nameof(KafkaKraftClusterConfiguration.KafkaImage));
        if (!IsPinned(c.ToxiproxyImage))
            throw new ArgumentException($"ToxiproxyImage must be pinned to a tag other than 'latest' (e.g. {DockerImages.Toxiproxy}); got '{c.ToxiproxyImage}'.", nameof(KafkaKraftClusterConfiguration.ToxiproxyImage));
    }

    /// <summary>Validates, then derives every container's definition.</summary>
    public KafkaKraftClusterDefinition Build()
    {
        Validate();
        var c = _configuration;
        var count = c.BrokerIds.Count;
        var replicationFactor = Math.Min(3, count);
        var minInSync = Math.Max(1, Math.Min(2, count - 1));
        var quorumVoters = string.Join(",", c.BrokerIds.Select(id => $"{id}@{KafkaKraftDefaults.NodeAlias(id)}:{KafkaKraftDefaults.ControllerPort}"));

        var nodes = c.BrokerIds.Select(id => BuildNode(c, id, quorumVoters, replicationFactor, minInSync)).ToArray();
        var proxies = nodes
            .Select(n => new ToxiproxyProxyDefinition(n.ProxyName, $"0.0.0.0:{n.ProxyPort}", $"{n.NetworkAlias}:{KafkaKraftDefaults.ExternalPort}"))
            .ToArray();
        var toxiproxy = new ToxiproxyDefinition(
            c.ToxiproxyImage,
            KafkaKraftDefaults.ToxiproxyAlias,
            ["-host=0.0.0.0"],
            KafkaKraftDefaults.ToxiproxyApiPort,
            proxies,
            nodes.Select(n => n.ProxyPort).ToArray());

        return new KafkaKraftClusterDefinition(c.ClusterId, c.NetworkName, nodes, toxiproxy, replicationFactor, minInSync);
    }

    private static KafkaNodeDefinition BuildNode(KafkaKraftClusterConfiguration c, int id, string quorumVoters, int replicationFactor, int minInSync)
    {
        var alias = KafkaKraftDefaults.NodeAlias(id);
        var proxyPort = c.ProxyPortBase + id;
        KafkaListenerDefinition[] listeners =
        [
            new(KafkaKraftDefaults.InternalListener, KafkaKraftDefaults.InternalPort, alias, KafkaKraftDefaults.InternalPort),
            new(KafkaKraftDefaults.ExternalListener, KafkaKraftDefaults.ExternalPort, c.AdvertisedHost, proxyPort),
            new(KafkaKraftDefaults.ControllerListener, KafkaKraftDefaults.ControllerPort, null, null),
        ];
        var rf = replicationFactor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var isr = minInSync.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["CLUSTER_ID"] = c.ClusterId,
            ["KAFKA_NODE_ID"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["KAFKA_PROCESS_ROLES"] = "broker,controller",
            ["KAFKA_LISTENERS"] = string.Join(",", listeners.Select(l => l.Bind)),
            ["KAFKA_ADVERTISED_LISTENERS"] = string.Join(",", listeners.Where(l => l.Advertised is not null).Select(l => l.Advertised)),
            ["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] = string.Join(",", listeners.Select(l => $"{l.Name}:PLAINTEXT")),
            ["KAFKA_INTER_BROKER_LISTENER_NAME"] = KafkaKraftDefaults.InternalListener,
            ["KAFKA_CONTROLLER_LISTENER_NAMES"] = KafkaKraftDefaults.ControllerListener,
            ["KAFKA_CONTROLLER_QUORUM_VOTERS"] = quorumVoters,
            ["KAFKA_LOG_DIRS"] = KafkaKraftDefaults.LogDirs,
            ["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] = rf,
            ["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] = rf,
            ["KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"] = isr,
            ["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR"] = rf,
            ["KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR"] = isr,
            ["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] = "0",
        };
        return new KafkaNodeDefinition(id, c.KafkaImage, alias, listeners, environment, KafkaKraftDefaults.ProxyName(id), proxyPort);
    }

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

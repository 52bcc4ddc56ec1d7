using System.Globalization;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The rules that span containers: clients reach each broker only through its Toxiproxy proxy, so the listener a
/// proxy forwards to must advertise that very proxy (Kafka answers metadata with the endpoints of the listener a
/// request came in on); brokers reach each other directly on the inter-broker listener; and the internal topics'
/// replication fits the number of brokers and survives the loss of one. Each rule cites its source.
/// </summary>
public static class ClusterWiringContract
{
    public static readonly ContractRule ClientListener = new("WIRE-CLIENT-LISTENER",
        "each broker has one Toxiproxy proxy whose upstream is <its alias>:<the port a listener binds>, and that listener advertises the proxy's port (published on the same host port); no other listener advertises a proxy",
        ContractSources.KafkaMetadataByListener);

    public static readonly ContractRule InterBroker = new("WIRE-INTER-BROKER",
        "the inter-broker listener is advertised at the broker's own network alias and the port it binds (brokers dial each other directly, never through a proxy)",
        ContractSources.KafkaConfigValidate);

    public static readonly ContractRule InternalTopics = new("WIRE-INTERNAL-TOPICS",
        "the internal topics' replication factors are min(3, brokers), never more than the brokers (creation fails until the cluster has that many), and their min.isr is below the replication factor when there are 2 or more brokers, so one broker down keeps them writable",
        ContractSources.KafkaInternalTopics);

    /// <summary>The replication-factor and min.isr variables of the internal topics, both stacks.</summary>
    public static readonly IReadOnlyList<(string ReplicationFactor, string? MinIsr)> InternalTopicVariables =
    [
        ("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", null),
        ("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"),
        ("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR"),
    ];

    /// <summary>Every rule of this contract.</summary>
    public static IReadOnlyList<ContractRule> Rules => [ClientListener, InterBroker, InternalTopics];

    public static void Check(ClusterUnderContract cluster, ContractFindings findings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        var brokers = cluster.Brokers;
        var toxiproxy = cluster.Of(ClusterUnderContract.ToxiproxyRepository).FirstOrDefault();
        foreach (var broker in brokers)
        {
            var (listeners, _) = KafkaListenerAddress.ParseList(broker.Env("KAFKA_LISTENERS"));
            var (advertised, _) = KafkaListenerAddress.ParseList(broker.Env("KAFKA_ADVERTISED_LISTENERS"));
            listeners ??= [];
            advertised ??= [];
            var proxies = cluster.Proxies.Where(p => broker.Aliases.Contains(p.Upstream.Split(':')[0])).ToArray();
            var proxy = proxies.Length == 1 ? proxies[0] : null;
            var upstreamPort = proxy is null ? null : PortOf(proxy.Upstream);
            var proxyPort = proxy is null ? null : PortOf(proxy.Listen);
            var clientListener = listeners.FirstOrDefault(l => l.Port == upstreamPort);
            var advertisedClient = clientListener is null ? null : advertised.FirstOrDefault(a => a.Name == clientListener.Name);
            int? publishedOn = null;
            var published = toxiproxy is not null && proxyPort is { } pp && toxiproxy.PublishedPorts.TryGetValue(pp, out publishedOn);
            var othersAdvertiseProxy = advertised.Any(a => a != advertisedClient && cluster.Proxies.Any(p => PortOf(p.Listen) == a.Port && a.Host == advertisedClient?.Host));
            findings.Expect(proxy is not null && clientListener is not null && advertisedClient is not null && published
                    && advertisedClient.Port == proxyPort && (publishedOn is null || publishedOn == proxyPort) && !othersAdvertiseProxy,
                ClientListener, broker, "KAFKA_ADVERTISED_LISTENERS",
                $"{broker.Env("KAFKA_ADVERTISED_LISTENERS")} (proxy {(proxies.Length == 0 ? "none" : string.Join(", ", proxies.Select(p => $"{p.Name} {p.Listen} -> {p.Upstream}")))})");

            var interBrokerName = broker.Env("KAFKA_INTER_BROKER_LISTENER_NAME");
            var interBind = listeners.FirstOrDefault(l => l.Name == interBrokerName);
            var interAdvertised = advertised.FirstOrDefault(a => a.Name == interBrokerName);
            findings.Expect(interBind is not null && interAdvertised is not null && broker.Aliases.Contains(interAdvertised.Host) && interAdvertised.Port == interBind.Port,
                InterBroker, broker, "KAFKA_ADVERTISED_LISTENERS", $"{broker.Env("KAFKA_ADVERTISED_LISTENERS")} (inter-broker listener {interBrokerName ?? "not set"})");

            foreach (var (rfVariable, minIsrVariable) in InternalTopicVariables)
            {
                if (rfVariable.StartsWith("KAFKA_SHARE_", StringComparison.Ordinal) && broker.Repository != ClusterUnderContract.KafkaRepository)
                    continue; // share groups (KIP-932) exist only in Kafka 4.x
                var rf = Number(broker.Env(rfVariable));
                var expected = Math.Min(3, brokers.Count);
                findings.Expect(rf == expected, InternalTopics, broker, rfVariable, $"{broker.Env(rfVariable)} ({brokers.Count} brokers)");
                if (minIsrVariable is null)
                    continue;
                var minIsr = Number(broker.Env(minIsrVariable));
                findings.Expect(minIsr is >= 1 && (brokers.Count < 2 ? minIsr == 1 : minIsr < (rf ?? expected)), InternalTopics, broker, minIsrVariable,
                    $"{broker.Env(minIsrVariable)} (replication factor {broker.Env(rfVariable)})");
            }
        }
    }

    private static int? PortOf(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        return colon > 0 && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

using System.Text.Json;
using KafkaResilience.Docker.Compose;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// A whole cluster as the image contracts check it: its containers (brokers, ZooKeeper, Toxiproxy), the Toxiproxy
/// proxies, and where it came from (the docker target's definition or a docker-compose.yml profile), so one checker
/// judges both descriptions of the cluster the same way.
/// </summary>
public sealed record ClusterUnderContract(string Origin, IReadOnlyList<ContainerUnderContract> Containers, IReadOnlyList<ToxiproxyProxyDefinition> Proxies)
{
    /// <summary>The image repositories the contracts know.</summary>
    public const string KafkaRepository = "apache/kafka";

    public const string ConfluentKafkaRepository = "confluentinc/cp-kafka";

    public const string ZooKeeperRepository = "zookeeper";

    public const string ToxiproxyRepository = "ghcr.io/shopify/toxiproxy";

    /// <summary>The broker containers (either Kafka image).</summary>
    public IReadOnlyList<ContainerUnderContract> Brokers =>
        Containers.Where(c => c.Repository is KafkaRepository or ConfluentKafkaRepository).ToArray();

    /// <summary>The containers of one image repository.</summary>
    public IReadOnlyList<ContainerUnderContract> Of(string repository) => Containers.Where(c => c.Repository == repository).ToArray();

    /// <summary>The docker target's containers, exactly as <c>KafkaContainerBuilders</c> starts them.</summary>
    public static ClusterUnderContract FromDefinition(KafkaClusterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var containers = definition.Nodes
            .Select(n => new ContainerUnderContract(n.NetworkAlias, n.Image, [n.NetworkAlias], n.Environment, [], new Dictionary<int, int?>(),
                new ContainerReadiness(n.StartedPattern, null, [])))
            .ToList();
        if (definition.ZooKeeper is { } zk)
            containers.Add(new ContainerUnderContract(zk.NetworkAlias, zk.Image, [zk.NetworkAlias], zk.Environment, [], new Dictionary<int, int?>(),
                new ContainerReadiness(zk.StartedPattern, null, [])));
        var t = definition.Toxiproxy;
        // The API is published on a random host port (Testcontainers maps it), each proxy port on its own number.
        var published = t.PublishedProxyPorts.ToDictionary(p => p, p => (int?)p);
        published[t.ApiPort] = null;
        containers.Add(new ContainerUnderContract(t.NetworkAlias, t.Image, [t.NetworkAlias], new Dictionary<string, string>(), t.Command, published,
            new ContainerReadiness(null, ToxiproxyDefinition.ReadinessPath, [])));
        return new ClusterUnderContract($"the docker target's {definition.Stack} definition (KafkaClusterBuilder)", containers, t.Proxies);
    }

    /// <summary>
    /// The services of one docker-compose.yml profile; Toxiproxy's proxies are read from the inline config its
    /// <c>-config</c> argument names (none when it names none).
    /// </summary>
    public static ClusterUnderContract FromCompose(DockerComposeFile compose, string profile)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var services = compose.Services.Values.Where(s => s.IsIn(profile)).ToArray();
        var containers = services
            .Select(s => new ContainerUnderContract(s.Name, s.Image ?? string.Empty,
                s.NetworkAliases.Values.SelectMany(a => a).Append(s.Name).Distinct(StringComparer.Ordinal).ToArray(),
                s.Environment, s.Command,
                s.Ports.GroupBy(p => p.ContainerPort).ToDictionary(g => g.Key, g => (int?)g.First().HostPort),
                new ContainerReadiness(null, null, s.HealthCheck)))
            .ToArray();
        var proxies = new List<ToxiproxyProxyDefinition>();
        foreach (var service in services)
        {
            var config = service.Command.FirstOrDefault(a => a.StartsWith("-config=", StringComparison.Ordinal))?["-config=".Length..];
            var source = config is null ? null : service.ConfigTargets.FirstOrDefault(c => c.Value == config).Key;
            if (source is not null && compose.ConfigContents.TryGetValue(source, out var json))
                proxies.AddRange(ParseProxies(json));
        }
        return new ClusterUnderContract($"docker-compose.yml profile {profile}", containers, proxies);
    }

    private static IEnumerable<ToxiproxyProxyDefinition> ParseProxies(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(p => new ToxiproxyProxyDefinition(
                p.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
                p.TryGetProperty("listen", out var listen) ? listen.GetString() ?? string.Empty : string.Empty,
                p.TryGetProperty("upstream", out var upstream) ? upstream.GetString() ?? string.Empty : string.Empty,
                !p.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean()))
            .ToArray();
    }
}

using System.Net;
using System.Text.Json;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Compose;

/// <summary>
/// Compares docker-compose.yml with the docker target's definition and lists every disagreement
/// (images, node ids, environment, listeners, advertised addresses, published ports, network,
/// aliases, Toxiproxy command and proxies). Only the services of the definition's stack profile
/// ("kraft" or "zookeeper") are compared. Besides agreeing with the definition, the file must keep
/// its proxies on loopback and advertise exactly the address each proxy is published on.
/// Pure: an empty list means the two describe the same cluster.
/// </summary>
public static class ComposeDefinitionComparer
{
    /// <summary>The compose service of the Toxiproxy container.</summary>
    public const string ToxiproxyService = "toxiproxy";

    public static IReadOnlyList<string> Differences(KafkaClusterDefinition definition, DockerComposeFile compose)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(compose);
        var differences = new List<string>();
        var profile = KafkaClusterDefaults.ProfileName(definition.Stack);
        var services = compose.Services.Values.Where(s => s.IsIn(profile)).ToDictionary(s => s.Name, StringComparer.Ordinal);

        var networkKey = compose.NetworkNames.FirstOrDefault(n => n.Value == definition.NetworkName).Key;
        if (networkKey is null)
            differences.Add($"network: no top-level network named '{definition.NetworkName}' (found: {string.Join(", ", compose.NetworkNames.Values)})");

        var expectedServices = definition.Nodes.Select(n => KafkaClusterDefaults.ServiceName(definition.Stack, n.NodeId))
            .Append(ToxiproxyService)
            .Concat(definition.ZooKeeper is null ? [] : [definition.ZooKeeper.NetworkAlias])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var extra in services.Keys.Where(s => !expectedServices.Contains(s)))
            differences.Add($"services: '{extra}' (profile {profile}) is not in the definition");

        services.TryGetValue(ToxiproxyService, out var toxiproxy);
        foreach (var node in definition.Nodes)
        {
            var serviceName = KafkaClusterDefaults.ServiceName(definition.Stack, node.NodeId);
            if (!services.TryGetValue(serviceName, out var service))
            {
                differences.Add($"services: broker {node.NodeId} has no service '{serviceName}' in profile {profile}");
                continue;
            }
            Compare(differences, $"{serviceName}.image", node.Image, service.Image);
            CompareAlias(differences, serviceName, networkKey, node.NetworkAlias, service);
            CompareEnvironment(differences, serviceName, node.Environment, service.Environment);
            if (service.Ports.Count > 0)
                differences.Add($"{serviceName}.ports: brokers must not publish ports (clients go through Toxiproxy); found {service.Ports.Count}");
            if (toxiproxy is not null)
                CompareAdvertisedHost(differences, serviceName, service, toxiproxy);
        }

        if (definition.ZooKeeper is { } zooKeeper)
        {
            if (!services.TryGetValue(zooKeeper.NetworkAlias, out var service))
            {
                differences.Add($"services: no '{zooKeeper.NetworkAlias}' service in profile {profile}");
            }
            else
            {
                Compare(differences, $"{service.Name}.image", zooKeeper.Image, service.Image);
                CompareAlias(differences, service.Name, networkKey, zooKeeper.NetworkAlias, service);
                CompareEnvironment(differences, service.Name, zooKeeper.Environment, service.Environment);
                if (service.Ports.Count > 0)
                    differences.Add($"{service.Name}.ports: ZooKeeper must not publish ports (only the brokers talk to it); found {service.Ports.Count}");
            }
        }

        if (toxiproxy is null)
        {
            differences.Add($"services: no '{ToxiproxyService}' service in profile {profile}");
            return differences;
        }

        var t = definition.Toxiproxy;
        Compare(differences, "toxiproxy.image", t.Image, toxiproxy.Image);
        CompareAlias(differences, "toxiproxy", networkKey, t.NetworkAlias, toxiproxy);
        foreach (var argument in t.Command.Where(a => !toxiproxy.Command.Contains(a)))
            differences.Add($"toxiproxy.command: missing '{argument}'");

        var published = toxiproxy.Ports.ToLookup(p => p.ContainerPort);
        foreach (var port in t.PublishedProxyPorts.Prepend(t.ApiPort))
        {
            var mapping = published[port].FirstOrDefault();
            if (mapping is null)
                differences.Add($"toxiproxy.ports: container port {port} is not published");
            else if (mapping.HostPort != port)
                differences.Add($"toxiproxy.ports: container port {port} is published on host port {mapping.HostPort}; it must be {port} (the advertised port)");
            if (mapping is not null && !IsLoopback(mapping.HostIp))
                differences.Add($"toxiproxy.ports: container port {port} is published on {mapping.HostIp ?? "every interface"}; bind it to 127.0.0.1 (the API and the proxies are for this machine only)");
        }

        var configArgument = toxiproxy.Command.FirstOrDefault(a => a.StartsWith("-config=", StringComparison.Ordinal));
        if (configArgument is null)
        {
            differences.Add("toxiproxy.command: no -config=<file>, so no proxies are created at start");
            return differences;
        }
        var configPath = configArgument["-config=".Length..];
        var mount = toxiproxy.ConfigTargets.FirstOrDefault(c => c.Value == configPath);
        if (mount.Key is null || !compose.ConfigContents.TryGetValue(mount.Key, out var content))
        {
            differences.Add($"toxiproxy.configs: nothing with inline content is mounted at {configPath}");
            return differences;
        }
        CompareProxies(differences, t.Proxies, content);
        return differences;
    }

    // The EXTERNAL listener must name the very address its proxy port is published on: "localhost" may
    // resolve to ::1 first, where compose publishes nothing.
    private static void CompareAdvertisedHost(List<string> differences, string serviceName, ComposeService service, ComposeService toxiproxy)
    {
        if (!service.Environment.TryGetValue("KAFKA_ADVERTISED_LISTENERS", out var advertised))
            return;
        var prefix = KafkaClusterDefaults.ExternalListener + "://";
        var external = advertised.Split(',').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (external is null)
            return;
        var hostPort = external[prefix.Length..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], out var port))
            return;
        var host = hostPort[..colon];
        var mapping = toxiproxy.Ports.FirstOrDefault(p => p.HostPort == port);
        if (mapping is null)
            return;
        var publishedOn = mapping.HostIp ?? "0.0.0.0";
        if (!IPAddress.TryParse(host, out var address) || address.ToString() != publishedOn)
            differences.Add($"{serviceName}.environment.KAFKA_ADVERTISED_LISTENERS: advertises '{host}:{port}', but the proxy is published on {publishedOn}:{port}; advertise {publishedOn} itself");
    }

    private static void CompareEnvironment(List<string> differences, string where, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var found))
                differences.Add($"{where}.environment.{key}: missing, expected '{value}'");
            else
                Compare(differences, $"{where}.environment.{key}", value, found);
        }
        foreach (var key in actual.Keys.Where(k => !expected.ContainsKey(k)))
            differences.Add($"{where}.environment.{key}: not in the definition");
    }

    private static bool IsLoopback(string? hostIp) => hostIp is not null && IPAddress.TryParse(hostIp, out var address) && IPAddress.IsLoopback(address);

    private static void CompareProxies(List<string> differences, IReadOnlyList<ToxiproxyProxyDefinition> expected, string json)
    {
        ToxiproxyProxyDefinition[] actual;
        try
        {
            using var document = JsonDocument.Parse(json);
            actual = document.RootElement.EnumerateArray()
                .Select(p => new ToxiproxyProxyDefinition(
                    p.GetProperty("name").GetString() ?? string.Empty,
                    p.GetProperty("listen").GetString() ?? string.Empty,
                    p.GetProperty("upstream").GetString() ?? string.Empty,
                    !p.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean()))
                .ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            differences.Add($"toxiproxy config: not a JSON array of proxies ({e.Message})");
            return;
        }
        foreach (var proxy in expected)
        {
            var match = actual.FirstOrDefault(a => a.Name == proxy.Name);
            if (match is null)
                differences.Add($"toxiproxy config: no proxy '{proxy.Name}'");
            else if (match != proxy)
                differences.Add($"toxiproxy config: proxy '{proxy.Name}' is {Show(match)}, expected {Show(proxy)}");
        }
        foreach (var extra in actual.Where(a => expected.All(e => e.Name != a.Name)))
            differences.Add($"toxiproxy config: proxy '{extra.Name}' is not in the definition");
    }

    private static string Show(ToxiproxyProxyDefinition p) => $"listen {p.Listen} upstream {p.Upstream} enabled {p.Enabled}";

    private static void CompareAlias(List<string> differences, string where, string? networkKey, string alias, ComposeService service)
    {
        if (networkKey is null)
            return;
        if (!service.NetworkAliases.TryGetValue(networkKey, out var aliases))
            differences.Add($"{where}.networks: not attached to '{networkKey}'");
        else if (!aliases.Contains(alias) && service.Name != alias)
            differences.Add($"{where}.networks.{networkKey}: alias '{alias}' missing");
    }

    private static void Compare(List<string> differences, string what, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
            differences.Add($"{what}: '{actual}', expected '{expected}'");
    }
}

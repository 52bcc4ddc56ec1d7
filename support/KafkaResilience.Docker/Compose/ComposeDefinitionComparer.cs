using System.Text.Json;
using KafkaResilience.Docker.Definition;

namespace KafkaResilience.Docker.Compose;

/// <summary>
/// Compares docker-compose.yml with the docker target's definition and lists every disagreement
/// (images, node ids, environment, listeners, advertised addresses, published ports, network,
/// aliases, Toxiproxy command and proxies). Pure: an empty list means the two describe the same cluster.
/// </summary>
public static class ComposeDefinitionComparer
{
    /// <summary>The compose service of the Toxiproxy container.</summary>
    public const string ToxiproxyService = "toxiproxy";

    public static IReadOnlyList<string> Differences(KafkaKraftClusterDefinition definition, DockerComposeFile compose)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(compose);
        var differences = new List<string>();

        var networkKey = compose.NetworkNames.FirstOrDefault(n => n.Value == definition.NetworkName).Key;
        if (networkKey is null)
            differences.Add($"network: no top-level network named '{definition.NetworkName}' (found: {string.Join(", ", compose.NetworkNames.Values)})");

        var expectedServices = definition.Nodes.Select(n => n.NetworkAlias).Append(ToxiproxyService).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in compose.Services.Keys.Where(s => !expectedServices.Contains(s)))
            differences.Add($"services: '{extra}' is not in the definition");

        foreach (var node in definition.Nodes)
        {
            if (!compose.Services.TryGetValue(node.NetworkAlias, out var service))
            {
                differences.Add($"services: broker {node.NodeId} has no service '{node.NetworkAlias}'");
                continue;
            }
            var where = $"{service.Name}";
            Compare(differences, $"{where}.image", node.Image, service.Image);
            CompareAlias(differences, where, networkKey, node.NetworkAlias, service);
            foreach (var (key, value) in node.Environment)
            {
                if (!service.Environment.TryGetValue(key, out var actual))
                    differences.Add($"{where}.environment.{key}: missing, expected '{value}'");
                else
                    Compare(differences, $"{where}.environment.{key}", value, actual);
            }
            foreach (var key in service.Environment.Keys.Where(k => !node.Environment.ContainsKey(k)))
                differences.Add($"{where}.environment.{key}: not in the definition");
            if (service.Ports.Count > 0)
                differences.Add($"{where}.ports: brokers must not publish ports (clients go through Toxiproxy); found {service.Ports.Count}");
        }

        if (!compose.Services.TryGetValue(ToxiproxyService, out var toxiproxy))
        {
            differences.Add($"services: no '{ToxiproxyService}' service");
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

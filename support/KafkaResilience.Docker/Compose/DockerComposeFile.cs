using YamlDotNet.RepresentationModel;

namespace KafkaResilience.Docker.Compose;

/// <summary>
/// docker-compose.yml read as data (YamlDotNet), with YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied:
/// services (with their profiles), top-level network names and inline config contents.
/// </summary>
public sealed record DockerComposeFile(
    IReadOnlyDictionary<string, ComposeService> Services,
    IReadOnlyDictionary<string, string> NetworkNames,
    IReadOnlyDictionary<string, string> ConfigContents)
{
    /// <summary>Parses compose YAML; throws <see cref="FormatException"/> naming what is malformed.</summary>
    public static DockerComposeFile Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
            stream.Load(reader);
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException("A compose file must be one YAML document whose root is a mapping.");

        var services = new SortedDictionary<string, ComposeService>(StringComparer.Ordinal);
        if (Child(root, "services") is YamlMappingNode servicesNode)
        {
            foreach (var (key, value) in servicesNode.Children)
            {
                var name = Scalar(key) ?? throw new FormatException("A service name is not a scalar.");
                if (value is not YamlMappingNode serviceNode)
                    throw new FormatException($"Service '{name}' is not a mapping.");
                services[name] = ReadService(name, Merge(serviceNode));
            }
        }

        var networks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "networks") is YamlMappingNode networksNode)
        {
            foreach (var (key, value) in networksNode.Children)
            {
                var name = Scalar(key)!;
                networks[name] = value is YamlMappingNode m && Scalar(Child(m, "name")) is { } explicitName ? explicitName : name;
            }
        }

        var configs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "configs") is YamlMappingNode configsNode)
        {
            foreach (var (key, value) in configsNode.Children)
            {
                if (value is YamlMappingNode m && Scalar(Child(m, "content")) is { } content)
                    configs[Scalar(key)!] = content;
            }
        }

        return new DockerComposeFile(services, networks, configs);
    }

    private static ComposeService ReadService(string name, IReadOnlyDictionary<string, YamlNode> node)
    {
        node.TryGetValue("image", out var image);
        node.TryGetValue("command", out var commandNode);
        var command = commandNode switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.Select(c => Scalar(c) ?? string.Empty).ToArray(),
            YamlScalarNode s => (s.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            _ => throw new FormatException($"Service '{name}': command is neither a list nor a string."),
        };

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        switch (node.GetValueOrDefault("environment"))
        {
            case YamlMappingNode env:
                foreach (var (k, v) in env.Children)
                    environment[Scalar(k)!] = Scalar(v) ?? string.Empty;
                break;
            case YamlSequenceNode envList:
                foreach (var item in envList.Children.Select(Scalar))
                {
                    var eq = item?.IndexOf('=') ?? -1;
                    if (eq <= 0)
                        throw new FormatException($"Service '{name}': environment entry '{item}' is not KEY=value.");
                    environment[item![..eq]] = item[(eq + 1)..];
                }
                break;
        }

        var ports = node.GetValueOrDefault("ports") is YamlSequenceNode portList
            ? portList.Children.Select(p => ComposePortMapping.Parse(Scalar(p) ?? string.Empty)).ToArray()
            : [];

        var aliases = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (node.GetValueOrDefault("networks"))
        {
            case YamlMappingNode nets:
                foreach (var (k, v) in nets.Children)
                {
                    aliases[Scalar(k)!] = v is YamlMappingNode netNode && Child(netNode, "aliases") is YamlSequenceNode aliasList
                        ? aliasList.Children.Select(a => Scalar(a) ?? string.Empty).ToArray()
                        : [];
                }
                break;
            case YamlSequenceNode netList:
                foreach (var n in netList.Children)
                    aliases[Scalar(n)!] = [];
                break;
        }

        var configTargets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node.GetValueOrDefault("configs") is YamlSequenceNode configList)
        {
            foreach (var entry in configList.Children)
            {
                if (entry is YamlMappingNode m && Scalar(Child(m, "source")) is { } source)
                    configTargets[source] = Scalar(Child(m, "target")) ?? "/" + source;
                else if (Scalar(entry) is { } shortSource)
                    configTargets[shortSource] = "/" + shortSource;
            }
        }

        var profiles = node.GetValueOrDefault("profiles") is YamlSequenceNode profileList
            ? profileList.Children.Select(p => Scalar(p) ?? string.Empty).ToArray()
            : [];

        // healthcheck.test: a list (["CMD", ...] / ["CMD-SHELL", "..."]) or a string, which compose runs as CMD-SHELL.
        var healthCheck = (node.GetValueOrDefault("healthcheck") as YamlMappingNode) is { } health
            ? Child(health, "test") switch
            {
                YamlSequenceNode seq => seq.Children.Select(c => Scalar(c) ?? string.Empty).ToArray(),
                YamlScalarNode s => ["CMD-SHELL", s.Value ?? string.Empty],
                _ => [],
            }
            : [];

        return new ComposeService(name, Scalar(image), command, environment, ports, aliases, configTargets, profiles) { HealthCheck = healthCheck };
    }

    // Applies "<<" merge keys: the merged mapping's entries first, the service's own entries override.
    private static Dictionary<string, YamlNode> Merge(YamlMappingNode node)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (Child(node, "<<") is { } merged)
        {
            var sources = merged is YamlSequenceNode seq ? seq.Children.ToArray() : [merged];
            foreach (var source in sources.OfType<YamlMappingNode>())
            {
                foreach (var (k, v) in Merge(source))
                    result[k] = v;
            }
        }
        foreach (var (k, v) in node.Children)
        {
            var key = Scalar(k)!;
            if (key != "<<")
                result[key] = v;
        }
        return result;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;
}

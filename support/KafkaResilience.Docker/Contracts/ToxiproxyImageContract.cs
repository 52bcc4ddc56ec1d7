using System.Globalization;

namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// The documented contract of <c>ghcr.io/shopify/toxiproxy:2.12.0</c>: the server's flags (the image's entrypoint
/// is the server, so the command holds flags only), the API host and port, the environment it reads, the proxy
/// definitions it accepts, and its readiness (GET /version; the CLI beside it, in an image without a shell).
/// Each rule cites its source.
/// </summary>
public static class ToxiproxyImageContract
{
    /// <summary>The image tag the contract was read for.</summary>
    public const string Image = "ghcr.io/shopify/toxiproxy:2.12.0";

    /// <summary>The server's default -port, and the port the CLI dials by default.</summary>
    public const int DefaultApiPort = 8474;

    /// <summary>The flags of toxiproxy-server 2.12.0.</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.Ordinal)
    {
        "host", "port", "config", "seed", "runtime-metrics", "proxy-metrics", "version",
    };

    public static readonly ContractRule Pinned = new("TOXIPROXY-IMAGE", $"the image is {Image}, the version this contract was read for", ContractSources.ToxiproxyDockerfile);

    public static readonly ContractRule Command = new("TOXIPROXY-COMMAND",
        "every command argument is a -flag=value of toxiproxy-server (the entrypoint is /toxiproxy): -host, -port, -config, -seed, -runtime-metrics, -proxy-metrics, -version",
        ContractSources.ToxiproxyServerFlags);

    public static readonly ContractRule Host = new("TOXIPROXY-HOST",
        "-host=0.0.0.0 is given: the server's default host is localhost, where nothing outside the container reaches the API",
        ContractSources.ToxiproxyServerFlags);

    public static readonly ContractRule ApiPort = new("TOXIPROXY-API-PORT",
        $"the API port (-port, default {DefaultApiPort}, the image's EXPOSE) is published", ContractSources.ToxiproxyDockerfile);

    public static readonly ContractRule Environment = new("TOXIPROXY-ENV", "the only variable the server reads is LOG_LEVEL", ContractSources.ToxiproxyServerFlags);

    public static readonly ContractRule Proxies = new("TOXIPROXY-PROXIES",
        "each proxy has a name and an upstream, and listens on 0.0.0.0:<port> with that port published on the same host port (the port the broker advertises)",
        ContractSources.ToxiproxyPopulate);

    public static readonly ContractRule Readiness = new("TOXIPROXY-READY",
        "readiness is GET /version on the API port, or a health check in exec form (the image is FROM scratch: no shell) running /toxiproxy-cli, which dials localhost:8474",
        ContractSources.ToxiproxyApi);

    /// <summary>Every rule of this contract.</summary>
    public static IReadOnlyList<ContractRule> Rules => [Pinned, Command, Host, ApiPort, Environment, Proxies, Readiness];

    /// <summary>The API port the command leaves (-port, else 8474); null when -port is not a port number.</summary>
    public static int? ApiPortOf(ContainerUnderContract toxiproxy)
    {
        ArgumentNullException.ThrowIfNull(toxiproxy);
        var flag = toxiproxy.Command.LastOrDefault(a => a.StartsWith("-port=", StringComparison.Ordinal));
        return flag is null ? DefaultApiPort : int.TryParse(flag["-port=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535 ? p : null;
    }

    public static void Check(ClusterUnderContract cluster, ContractFindings findings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var toxiproxy in cluster.Of(ClusterUnderContract.ToxiproxyRepository))
        {
            findings.Expect(toxiproxy.Image == Image, Pinned, toxiproxy, "image", toxiproxy.Image);
            foreach (var argument in toxiproxy.Command)
            {
                var name = argument.StartsWith('-') ? argument.TrimStart('-').Split('=')[0] : null;
                findings.Expect(name is not null && Flags.Contains(name), Command, toxiproxy, "command", argument);
            }
            findings.Expect(toxiproxy.Command.Contains("-host=0.0.0.0"), Host, toxiproxy, "command", string.Join(' ', toxiproxy.Command));
            var apiPort = ApiPortOf(toxiproxy);
            findings.Expect(apiPort is { } port && toxiproxy.PublishedPorts.ContainsKey(port), ApiPort, toxiproxy, "ports",
                $"API port {apiPort?.ToString(CultureInfo.InvariantCulture) ?? "invalid"}; published {string.Join(", ", toxiproxy.PublishedPorts.Keys)}");
            if (toxiproxy.Environment.Count == 0)
                findings.Expect(true, Environment, toxiproxy, "environment", "(none)");
            foreach (var (key, value) in toxiproxy.Environment)
                findings.Expect(key == "LOG_LEVEL", Environment, toxiproxy, key, value);

            foreach (var proxy in cluster.Proxies)
            {
                var colon = proxy.Listen.LastIndexOf(':');
                var listenPort = colon > 0 && int.TryParse(proxy.Listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var lp) ? lp : (int?)null;
                findings.Expect(proxy.Name.Length > 0 && proxy.Upstream.Length > 0 && colon > 0 && proxy.Listen[..colon] == "0.0.0.0"
                        && listenPort is { } l && toxiproxy.PublishedPorts.TryGetValue(l, out var host) && host == l,
                    Proxies, toxiproxy, $"proxy {proxy.Name}", $"listen {proxy.Listen} upstream {proxy.Upstream}");
            }

            var readiness = toxiproxy.Readiness;
            var ready = readiness.HttpPath is not null
                ? readiness.HttpPath == "/version"
                : readiness.HealthCheck is ["CMD", "/toxiproxy-cli", ..] && apiPort == DefaultApiPort;
            findings.Expect(ready, Readiness, toxiproxy, "readiness", readiness.HttpPath ?? string.Join(' ', readiness.HealthCheck));
        }
    }
}

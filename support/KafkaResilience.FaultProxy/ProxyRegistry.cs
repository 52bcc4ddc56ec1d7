using System.Net;

namespace KafkaResilience.FaultProxy;

/// <summary>The named proxies of one server, with Toxiproxy's collection rules (create, populate, reset, delete).</summary>
internal sealed class ProxyRegistry
{
    private readonly ServerContext context;
    private readonly Lock gate = new();
    private readonly Dictionary<string, ProxyHost> proxies = new(StringComparer.Ordinal);

    public ProxyRegistry(ServerContext context)
    {
        this.context = context;
    }

    public IReadOnlyList<ProxyHost> All()
    {
        lock (gate)
        {
            return proxies.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        }
    }

    public ProxyHost Get(string name)
    {
        lock (gate)
        {
            return proxies.TryGetValue(name, out var host) ? host : throw FaultProxyException.ProxyNotFound();
        }
    }

    public ProxyHost Create(string? name, string? listen, string? upstream, bool enabled)
    {
        var host = Prepare(name, listen, upstream, "");
        lock (gate)
        {
            if (proxies.ContainsKey(host.Name))
            {
                throw FaultProxyException.ProxyAlreadyExists();
            }

            if (enabled)
            {
                host.Start();
            }

            proxies.Add(host.Name, host);
            return host;
        }
    }

    /// <summary>
    /// Toxiproxy's populate: validate all first, then keep a proxy whose listen and upstream are
    /// unchanged, replace one that differs, create the missing ones.
    /// </summary>
    public IReadOnlyList<ProxyHost> Populate(IReadOnlyList<(string? Name, string? Listen, string? Upstream, bool? Enabled)> input)
    {
        var prepared = new List<(ProxyHost Host, bool Enabled, string? RequestedListen)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var (name, listen, upstream, enabled) = input[i];
            var host = Prepare(name, listen, upstream, $" at proxy {i + 1}");
            if (!names.Add(host.Name))
            {
                throw new FaultProxyException($"duplicate proxy name \"{host.Name}\"", 500);
            }

            prepared.Add((host, enabled ?? true, listen));
        }

        var result = new List<ProxyHost>();
        lock (gate)
        {
            foreach (var (host, enabled, _) in prepared)
            {
                if (proxies.TryGetValue(host.Name, out var existing))
                {
                    if (existing.Listen == host.Listen && existing.Upstream == host.Upstream)
                    {
                        result.Add(existing);
                        continue;
                    }

                    existing.Stop();
                    proxies.Remove(existing.Name);
                }

                if (enabled)
                {
                    host.Start();
                }

                proxies.Add(host.Name, host);
                result.Add(host);
            }
        }

        return result;
    }

    public void Remove(string name)
    {
        ProxyHost host;
        lock (gate)
        {
            if (!proxies.Remove(name, out host!))
            {
                throw FaultProxyException.ProxyNotFound();
            }
        }

        host.Stop();
    }

    /// <summary>Toxiproxy's reset: enable every proxy and remove every toxic.</summary>
    public void Reset()
    {
        foreach (var host in All())
        {
            host.Start();
            host.RemoveAllToxics();
        }
    }

    public void StopAll()
    {
        foreach (var host in All())
        {
            host.Stop();
            host.DropConnections();
        }
    }

    private ProxyHost Prepare(string? name, string? listen, string? upstream, string where)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw FaultProxyException.MissingField("name" + where);
        }

        if (string.IsNullOrEmpty(upstream))
        {
            throw FaultProxyException.MissingField("upstream" + where);
        }

        var listenEndpoint = ParseListen(listen);
        var upstreamEndpoint = ParseUpstream(upstream);
        return new ProxyHost(context, name, listenEndpoint, upstream, upstreamEndpoint);
    }

    public static IPEndPoint ParseListen(string? listen)
    {
        if (string.IsNullOrEmpty(listen))
        {
            return new IPEndPoint(IPAddress.Loopback, 0);
        }

        return LoopbackAddress.TryParseEndpoint(listen, "listen", out var endpoint, out var error)
            ? endpoint
            : throw FaultProxyException.BadRequestBody(error);
    }

    public static IPEndPoint ParseUpstream(string upstream) =>
        LoopbackAddress.TryParseEndpoint(upstream, "upstream", out var endpoint, out var error)
            ? endpoint
            : throw FaultProxyException.BadRequestBody(error);
}

using KafkaResilience.FaultProxy;

namespace KafkaResilience.Embedded;

/// <summary>
/// What stands between clients and each mock broker: nothing (clients reach the broker's own
/// listener), or one fault proxy per broker, named "broker-&lt;id&gt;", behind a Toxiproxy-compatible
/// API. Owns the proxy server.
/// </summary>
internal sealed class BrokerFrontEnds : IAsyncDisposable
{
    private readonly ToxiproxyServer? _server;

    private BrokerFrontEnds(IReadOnlyDictionary<int, string> advertised, ToxiproxyServer? server)
    {
        Advertised = advertised;
        _server = server;
    }

    /// <summary>The address each broker is advertised at.</summary>
    public IReadOnlyDictionary<int, string> Advertised { get; }

    public Uri? ApiAddress => _server?.ApiAddress;

    public bool HasProxies => _server is not null;

    public static string ProxyName(int brokerId) => $"broker-{brokerId}";

    public static async Task<BrokerFrontEnds> StartAsync(EmbeddedClusterOptions options, IReadOnlyDictionary<int, string> listeners, CancellationToken ct)
    {
        if (!options.UseFaultProxy) return new BrokerFrontEnds(listeners, null);
        var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { ApiPort = options.ToxiproxyApiPort }, ct).ConfigureAwait(false);
        try
        {
            var advertised = new Dictionary<int, string>();
            foreach (var id in options.BrokerIds)
            {
                var endpoint = await server.CreateProxyAsync(ProxyName(id), "127.0.0.1:0", listeners[id], ct).ConfigureAwait(false);
                advertised[id] = endpoint.Listen;
            }
            return new BrokerFrontEnds(advertised, server);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Resets the client connections of a broker's proxy (the mock closes its own side itself).</summary>
    public void DropConnections(int brokerId) => _server?.DropConnections(ProxyName(brokerId));

    public void SetEnabled(int brokerId, bool enabled)
    {
        if (_server is null) throw new InvalidOperationException($"Broker {brokerId} has no fault proxy to {(enabled ? "enable" : "disable")}.");
        _server.SetEnabled(ProxyName(brokerId), enabled);
    }

    /// <summary>Holds (true) or releases (false) every byte between the broker and its clients, both ways, in its proxy.</summary>
    public void SetFrozen(int brokerId, bool frozen)
    {
        if (_server is null) throw new InvalidOperationException($"Broker {brokerId} has no fault proxy to {(frozen ? "freeze" : "thaw")}.");
        _server.SetFrozen(ProxyName(brokerId), frozen);
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}

namespace KafkaResilience.FaultProxy;

/// <summary>
/// An in-process, Toxiproxy-compatible fault proxy: loopback TCP proxies whose connections pass
/// through toxics (latency, bandwidth, timeout, reset_peer, slow_close, limit_data, slicer), driven
/// by the same REST API as Toxiproxy so one client drives this server and a real Toxiproxy alike.
/// The embedded cluster puts each broker behind one of its proxies.
/// </summary>
public sealed class ToxiproxyServer : IAsyncDisposable
{
    private readonly ServerContext context;
    private readonly ProxyRegistry registry;
    private int disposed;

    private ToxiproxyServer(ServerContext context)
    {
        this.context = context;
        registry = new ProxyRegistry(context);
    }

    /// <summary>Every proxy, by name.</summary>
    public IReadOnlyList<ProxyEndpoint> Proxies => registry.All().Select(p => p.Snapshot()).ToList();

    internal ProxyRegistry Registry => registry;

    /// <summary>Validates the options and starts the server.</summary>
    public static Task<ToxiproxyServer> StartAsync(ToxiproxyServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ct.ThrowIfCancellationRequested();
        var server = new ToxiproxyServer(new ServerContext(options));
        return Task.FromResult(server);
    }

    /// <summary>
    /// Creates and enables a proxy. <paramref name="listen"/> must be a loopback host:port ("127.0.0.1:0"
    /// picks a free port); the returned endpoint carries the actual address.
    /// </summary>
    public Task<ProxyEndpoint> CreateProxyAsync(string name, string listen, string upstream, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(registry.Create(name, listen, upstream, enabled: true).Snapshot());
    }

    /// <summary>Points a proxy at another upstream; like Toxiproxy this restarts it and drops its connections.</summary>
    public void UpdateUpstream(string name, string upstream)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(upstream);
        var host = registry.Get(name);
        host.Update(null, null, upstream, ProxyRegistry.ParseUpstream(upstream), host.Enabled);
    }

    /// <summary>Disabling closes the listener and every connection (refused from then on); enabling listens again on the same address.</summary>
    public void SetEnabled(string name, bool enabled)
    {
        ThrowIfDisposed();
        var host = registry.Get(name);
        host.Update(null, null, null, null, enabled);
    }

    /// <summary>Resets every open connection of a proxy now (RST to both ends), e.g. for a broker hard kill.</summary>
    public void DropConnections(string name)
    {
        ThrowIfDisposed();
        registry.Get(name).DropConnections();
    }

    /// <summary>Number of live proxied connections of a proxy (for tests and diagnostics).</summary>
    public int ConnectionCount(string name) => registry.Get(name).ConnectionCount;

    /// <summary>Closes every listener and connection and waits (bounded) for every pump to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        registry.StopAll();
        var finished = await context.Tracker.WaitAllAsync(context.Options.ShutdownTimeout, context.TimeProvider).ConfigureAwait(false);
        if (!finished)
        {
            throw new TimeoutException(
                $"ToxiproxyServer: {context.Tracker.Count} proxy task(s) were still running {context.Options.ShutdownTimeout} after disposal began.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// An in-process, Toxiproxy-compatible fault proxy: loopback TCP proxies whose connections pass
/// through toxics (latency, bandwidth, timeout, reset_peer, slow_close, limit_data, slicer), driven
/// by the same REST API as Toxiproxy so one client drives this server and a real Toxiproxy alike.
/// The embedded cluster puts each broker behind one of its proxies.
/// </summary>
public sealed class ToxiproxyServer : IAsyncDisposable
{
    /// <summary>The Toxiproxy version whose API this server answers like (reported by GET /version).</summary>
    public const string EmulatedVersion = "2.12.0";

    private readonly ServerContext context;
    private readonly ProxyRegistry registry;
    private WebApplication? api;
    private int disposed;

    private ToxiproxyServer(ServerContext context)
    {
        this.context = context;
        registry = new ProxyRegistry(context);
        ApiAddress = new Uri("http://127.0.0.1/");
    }

    /// <summary>Base address of the REST API, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ApiAddress { get; private set; }

    /// <summary>Every proxy, by name.</summary>
    public IReadOnlyList<ProxyEndpoint> Proxies => registry.All().Select(p => p.Snapshot()).ToList();

    internal ProxyRegistry Registry => registry;

    /// <summary>Validates the options and starts the server.</summary>
    public static async Task<ToxiproxyServer> StartAsync(ToxiproxyServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ct.ThrowIfCancellationRequested();
        var server = new ToxiproxyServer(new ServerContext(options));
        try
        {
            await server.StartApiAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartApiAsync(CancellationToken ct)
    {
        LoopbackAddress.TryResolveHost(context.Options.ApiHost, out var address);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, context.Options.ApiPort);
        });
        var app = builder.Build();
        var handler = new ToxiproxyApi(registry);
        app.Run(handler.HandleAsync);
        api = app;
        await app.StartAsync(ct).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("ToxiproxyServer: Kestrel reported no bound address for the API.");
        var port = new Uri(bound).Port;
        ApiAddress = new Uri($"http://{LoopbackAddress.Format(new IPEndPoint(address, port))}/");
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

    /// <summary>
    /// Freezes a proxy (every byte of its connections held both ways, nothing read, connections kept) or thaws it: a
    /// stopped process as its peers see it, e.g. for a broker pause. Toxiproxy has no such call, so its API neither
    /// shows nor resets it.
    /// </summary>
    public void SetFrozen(string name, bool frozen)
    {
        ThrowIfDisposed();
        var host = registry.Get(name);
        if (frozen)
        {
            host.Freeze();
        }
        else
        {
            host.Thaw();
        }
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

        if (api is not null)
        {
            using var stopping = new CancellationTokenSource(context.Options.ShutdownTimeout);
            await api.StopAsync(stopping.Token).ConfigureAwait(false);
            await api.DisposeAsync().ConfigureAwait(false);
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

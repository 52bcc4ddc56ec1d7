using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// One named proxy: its loopback listener, its live connections and its two toxic chains.
/// Mirrors Toxiproxy's proxy: disabling closes the listener and every connection, enabling binds
/// the same address again, changing listen or upstream restarts it.
/// </summary>
internal sealed class ProxyHost
{
    private const int ListenBacklog = 512;

    private readonly ServerContext context;
    private readonly Lock gate = new();
    private readonly ToxicChain[] chains = [ToxicChain.Empty, ToxicChain.Empty];
    private readonly ConcurrentDictionary<ProxyConnection, byte> connections = new();
    private IPEndPoint listenEndpoint;
    private IPEndPoint upstreamEndpoint;
    private Socket? listener;
    private CancellationTokenSource? running;
    private long chainVersion;
    private TaskCompletionSource? frozen;

    public ProxyHost(ServerContext context, string name, IPEndPoint listen, string upstream, IPEndPoint upstreamEndpoint)
    {
        this.context = context;
        Name = name;
        listenEndpoint = listen;
        Listen = LoopbackAddress.Format(listen);
        Upstream = upstream;
        this.upstreamEndpoint = upstreamEndpoint;
    }

    public string Name { get; }

    public string Listen { get; private set; }

    public string Upstream { get; private set; }

    public bool Enabled { get; private set; }

    public int ConnectionCount => connections.Count;

    public ProxyEndpoint Snapshot()
    {
        lock (gate)
        {
            return new ProxyEndpoint(Name, Listen, Upstream, Enabled);
        }
    }

    public ToxicChain Chain(StreamDirection direction) => Volatile.Read(ref chains[(int)direction]);

    /// <summary>True while the proxy holds every byte of its connections (<see cref="Freeze"/>).</summary>
    public bool Frozen => Volatile.Read(ref frozen) is not null;

    /// <summary>
    /// Holds every byte of every connection, both ways, until <see cref="Thaw"/>, as a stopped process does: nothing
    /// more is read (so nothing is lost, and the peers' writes back up in the sockets), connections stay open and new
    /// ones are accepted. What was read before is held too, and forwarded in order on the thaw.
    /// </summary>
    public void Freeze()
    {
        lock (gate)
        {
            frozen ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Ends <see cref="Freeze"/>: every held byte moves on at once.</summary>
    public void Thaw()
    {
        TaskCompletionSource? released;
        lock (gate)
        {
            released = frozen;
            frozen = null;
        }

        released?.TrySetResult();
    }

    /// <summary>Completes at once unless the proxy is frozen; then on the thaw, or cancelled with <paramref name="cancellationToken"/>.</summary>
    public Task WhenThawedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref frozen) is { } hold ? hold.Task.WaitAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Binds the listener and starts accepting; throws <see cref="FaultProxyException"/> (500) when the address is taken.</summary>
    public void Start()
    {
        lock (gate)
        {
            StartLocked();
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            StopLocked();
        }
    }

    /// <summary>Applies Toxiproxy's update rules: a changed address restarts the proxy, then enabled is applied.</summary>
    public void Update(IPEndPoint? newListen, string? newListenText, string? newUpstream, IPEndPoint? newUpstreamEndpoint, bool enabled)
    {
        lock (gate)
        {
            var listenChanged = newListen is not null && newListenText != Listen;
            var upstreamChanged = newUpstream is not null && newUpstream != Upstream;
            if (listenChanged || upstreamChanged)
            {
                StopLocked();
                if (listenChanged)
                {
                    listenEndpoint = newListen!;
                    Listen = LoopbackAddress.Format(newListen!);
                }

                if (upstreamChanged)
                {
                    Upstream = newUpstream!;
                    upstreamEndpoint = newUpstreamEndpoint!;
                }
            }

            if (enabled && !Enabled)
            {
                StartLocked();
            }
            else if (!enabled && Enabled)
            {
                StopLocked();
            }
        }
    }

    /// <summary>Resets every open connection now (RST to both ends); the listener stays up.</summary>
    public void DropConnections()
    {
        foreach (var connection in connections.Keys)
        {
            connection.Abort();
        }
    }

    public IReadOnlyList<ToxicDefinition> Toxics()
    {
        var result = new List<ToxicDefinition>();
        result.AddRange(Chain(StreamDirection.Upstream).Toxics);
        result.AddRange(Chain(StreamDirection.Downstream).Toxics);
        return result;
    }

    public ToxicDefinition? FindToxic(string name) =>
        Toxics().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public void AddToxic(ToxicDefinition toxic)
    {
        lock (gate)
        {
            if (FindToxic(toxic.Name) is not null)
            {
                throw FaultProxyException.ToxicAlreadyExists();
            }

            var list = Chain(toxic.Stream).Toxics.ToList();
            list.Add(toxic);
            PublishLocked(toxic.Stream, list);
        }
    }

    /// <summary>Replaces a toxic by name (same stream and type); live links keep its per-link state.</summary>
    public ToxicDefinition UpdateToxic(string name, Func<ToxicDefinition, ToxicDefinition> update)
    {
        lock (gate)
        {
            var existing = FindToxic(name) ?? throw FaultProxyException.ToxicNotFound();
            var updated = update(existing);
            var list = Chain(existing.Stream).Toxics.Select(t => ReferenceEquals(t, existing) ? updated : t).ToList();
            PublishLocked(existing.Stream, list);
            return updated;
        }
    }

    public void RemoveToxic(string name)
    {
        lock (gate)
        {
            var existing = FindToxic(name) ?? throw FaultProxyException.ToxicNotFound();
            var list = Chain(existing.Stream).Toxics.Where(t => !ReferenceEquals(t, existing)).ToList();
            PublishLocked(existing.Stream, list);
        }
    }

    public void RemoveAllToxics()
    {
        lock (gate)
        {
            foreach (var direction in new[] { StreamDirection.Upstream, StreamDirection.Downstream })
            {
                if (!Chain(direction).IsEmpty)
                {
                    PublishLocked(direction, []);
                }
            }
        }
    }

    private void PublishLocked(StreamDirection direction, IReadOnlyList<ToxicDefinition> toxics)
    {
        var chain = toxics.Count == 0 ? new ToxicChain([], ++chainVersion) : new ToxicChain(toxics, ++chainVersion);
        var old = Interlocked.Exchange(ref chains[(int)direction], chain);
        old.MarkSuperseded();
        foreach (var connection in connections.Keys)
        {
            connection.Link(direction).Sync(chain);
        }
    }

    private void StartLocked()
    {
        if (Enabled)
        {
            return;
        }

        var socket = new Socket(listenEndpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Re-enabling binds the same port again while old connections sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(listenEndpoint);
            socket.Listen(ListenBacklog);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new FaultProxyException(
                $"listen tcp {LoopbackAddress.Format(listenEndpoint)}: bind: {ex.Message}", 500, ex);
        }

        var bound = (IPEndPoint)socket.LocalEndPoint!;
        listenEndpoint = bound;
        Listen = LoopbackAddress.Format(bound);
        listener = socket;
        running = new CancellationTokenSource();
        Enabled = true;
        context.Tracker.Track(AcceptLoopAsync(socket, upstreamEndpoint, running.Token));
    }

    private void StopLocked()
    {
        if (!Enabled)
        {
            return;
        }

        Enabled = false;
        running?.Cancel();
        running = null;
        listener?.Dispose();
        listener = null;
        foreach (var connection in connections.Keys)
        {
            connection.Close();
        }
    }

    private async Task AcceptLoopAsync(Socket socket, IPEndPoint upstream, CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            context.Tracker.Track(ServeAsync(client, upstream, stopping));
        }
    }

    private async Task ServeAsync(Socket client, IPEndPoint upstream, CancellationToken stopping)
    {
        var upstreamSocket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            context.ConfigureSocket(client);
            context.ConfigureSocket(upstreamSocket);
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                connect.CancelAfter(context.Options.UpstreamConnectTimeout);
                await upstreamSocket.ConnectAsync(upstream, connect.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Toxiproxy closes the client when the upstream cannot be reached.
            upstreamSocket.Dispose();
            client.Dispose();
            return;
        }

        var connection = new ProxyConnection(this, context, client, upstreamSocket);
        connections.TryAdd(connection, 0);
        try
        {
            if (stopping.IsCancellationRequested)
            {
                connection.Close();
            }

            await connection.RunAsync(Chain(StreamDirection.Upstream), Chain(StreamDirection.Downstream)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            connection.Abort();
        }
        finally
        {
            connections.TryRemove(connection, out _);
        }
    }
}

using System.Net.Sockets;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// One accepted client and its upstream socket, joined by two <see cref="ProxyLink"/>s. Closing one
/// socket makes the link reading it stop, which closes the other one in turn (Toxiproxy's cascade);
/// <see cref="Abort"/> resets both ends at once (linger 0, TCP RST).
/// </summary>
internal sealed class ProxyConnection
{
    private readonly Socket client;
    private readonly Socket upstream;
    private readonly CancellationTokenSource closing = new();
    private readonly CancellationToken closingToken;
    private int clientClosed;
    private int upstreamClosed;

    public ProxyConnection(ProxyHost host, ServerContext context, Socket client, Socket upstream)
    {
        this.client = client;
        this.upstream = upstream;
        closingToken = closing.Token;
        UpstreamLink = new ProxyLink(this, host, context, StreamDirection.Upstream, client, upstream);
        DownstreamLink = new ProxyLink(this, host, context, StreamDirection.Downstream, upstream, client);
    }

    public ProxyLink UpstreamLink { get; }

    public ProxyLink DownstreamLink { get; }

    public bool IsClosed => Volatile.Read(ref clientClosed) != 0 && Volatile.Read(ref upstreamClosed) != 0;

    /// <summary>Cancelled as soon as either socket is closed, so toxic waits end promptly.</summary>
    public CancellationToken Closing => closingToken;

    public ProxyLink Link(StreamDirection direction) =>
        direction == StreamDirection.Upstream ? UpstreamLink : DownstreamLink;

    public async Task RunAsync(ToxicChain upstreamChain, ToxicChain downstreamChain)
    {
        try
        {
            UpstreamLink.Sync(upstreamChain);
            DownstreamLink.Sync(downstreamChain);
            await Task.WhenAll(UpstreamLink.RunAsync(), DownstreamLink.RunAsync()).ConfigureAwait(false);
        }
        finally
        {
            CloseSocket(client);
            CloseSocket(upstream);
            UpstreamLink.ReleaseQueuedBuffers();
            DownstreamLink.ReleaseQueuedBuffers();
            closing.Dispose();
        }
    }

    /// <summary>Closes both sockets gracefully (FIN), as Toxiproxy does when a proxy is disabled.</summary>
    public void Close()
    {
        CloseSocket(client);
        CloseSocket(upstream);
        UpstreamLink.CompleteInput();
        DownstreamLink.CompleteInput();
    }

    /// <summary>Resets both sockets (RST): a hard kill of the peer as the client sees it.</summary>
    public void Abort()
    {
        foreach (var socket in new[] { client, upstream })
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed: nothing left to reset.
            }
        }

        Close();
    }

    /// <summary>Closes one socket once; the pump reading it ends and closes the other side.</summary>
    public void CloseSocket(Socket socket)
    {
        ref var flag = ref ReferenceEquals(socket, client) ? ref clientClosed : ref upstreamClosed;
        if (Interlocked.Exchange(ref flag, 1) != 0)
        {
            return;
        }

        try
        {
            closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already finished.
        }

        socket.Dispose();
    }
}

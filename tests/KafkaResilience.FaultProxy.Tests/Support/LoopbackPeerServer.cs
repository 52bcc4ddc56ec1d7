using System.Net;
using System.Net.Sockets;

namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>A loopback server that hands each accepted socket to the test, to observe both ends of a proxied connection.</summary>
internal sealed class LoopbackPeerServer : IDisposable
{
    private readonly Socket listener;
    private readonly List<Socket> accepted = [];

    private LoopbackPeerServer(Socket listener)
    {
        this.listener = listener;
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}";

    public static LoopbackPeerServer Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(16);
        return new LoopbackPeerServer(socket);
    }

    public async Task<Socket> AcceptAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var socket = await listener.AcceptAsync(cts.Token);
            socket.NoDelay = true;
            accepted.Add(socket);
            return socket;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no connection reached the peer server within {timeout}");
        }
    }

    public void Dispose()
    {
        listener.Dispose();
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }
}

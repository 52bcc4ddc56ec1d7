using System.Net;
using System.Net.Sockets;

namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>A loopback TCP server that echoes every byte back; optionally closes after echoing (for close tests).</summary>
internal sealed class LoopbackEchoServer : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Socket> accepted = [];
    private readonly Lock gate = new();
    private readonly Task acceptLoop;
    private int disposed;

    private LoopbackEchoServer(Socket listener)
    {
        this.listener = listener;
        acceptLoop = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}";

    public static LoopbackEchoServer Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(64);
        return new LoopbackEchoServer(socket);
    }

    /// <summary>Closes every accepted connection (as a server that closes its side).</summary>
    public void CloseAcceptedConnections()
    {
        lock (gate)
        {
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }

            accepted.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        listener.Dispose();
        CloseAcceptedConnections();
        await acceptLoop.WaitAsync(TimeSpan.FromSeconds(5));
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var echoes = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var socket = await listener.AcceptAsync(stopping.Token);
                lock (gate)
                {
                    accepted.Add(socket);
                }

                echoes.Add(EchoAsync(socket));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        CloseAcceptedConnections();
        await Task.WhenAll(echoes).WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task EchoAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                var offset = 0;
                while (offset < read)
                {
                    offset += await socket.SendAsync(buffer.AsMemory(offset, read - offset), SocketFlags.None);
                }
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // Closed by the test or reset by the proxy.
        }
        finally
        {
            socket.Dispose();
        }
    }
}

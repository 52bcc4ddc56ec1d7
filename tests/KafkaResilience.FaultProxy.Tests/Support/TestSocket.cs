using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KafkaResilience.FaultProxy.Tests.Support;

/// <summary>Small blocking-with-deadline helpers over a client socket, so every test wait is bounded.</summary>
internal static class TestSocket
{
    public static async Task<Socket> ConnectAsync(string hostPort, TimeSpan? timeout = null)
    {
        var endpoint = IPEndPoint.Parse(hostPort);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        try
        {
            await socket.ConnectAsync(endpoint, cts.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            offset += await socket.SendAsync(data[offset..], SocketFlags.None);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes or fails with a message after the timeout.</summary>
    public static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, TimeSpan timeout)
    {
        var result = new byte[count];
        var offset = 0;
        using var cts = new CancellationTokenSource(timeout);
        while (offset < count)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(result.AsMemory(offset), SocketFlags.None, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"received {offset} of {count} bytes within {timeout}");
            }

            if (read == 0)
            {
                throw new EndOfStreamException($"connection closed after {offset} of {count} bytes");
            }

            offset += read;
        }

        return result;
    }

    /// <summary>What the next receive sees within the timeout: data, an orderly close, a reset, or nothing.</summary>
    public static async Task<ReceiveOutcome> ObserveAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[64 * 1024];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return read == 0 ? ReceiveOutcome.Closed : ReceiveOutcome.Data;
        }
        catch (OperationCanceledException)
        {
            return ReceiveOutcome.Nothing;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ReceiveOutcome.Reset;
        }
    }

    /// <summary>Reads and discards until the peer closes or resets; returns the outcome and when it happened.</summary>
    public static async Task<(ReceiveOutcome Outcome, TimeSpan Elapsed, long Bytes)> ReadUntilEndAsync(Socket socket, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    return (ReceiveOutcome.Closed, stopwatch.Elapsed, bytes);
                }

                bytes += read;
            }
        }
        catch (OperationCanceledException)
        {
            return (ReceiveOutcome.Nothing, stopwatch.Elapsed, bytes);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return (ReceiveOutcome.Reset, stopwatch.Elapsed, bytes);
        }
    }

    /// <summary>True when a TCP connect to the address is refused (nothing listens).</summary>
    public static async Task<bool> IsRefusedAsync(string hostPort)
    {
        try
        {
            using var socket = await ConnectAsync(hostPort, TimeSpan.FromSeconds(2));
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }

    /// <summary>Polls a condition until true or the deadline passes; fails with the message.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failureMessage)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"{failureMessage} (waited {timeout})");
            }

            await Task.Delay(10);
        }
    }
}

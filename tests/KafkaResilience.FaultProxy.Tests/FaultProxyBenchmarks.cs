using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.FaultProxy.Tests.Support;
using Xunit;

namespace KafkaResilience.FaultProxy.Tests;

/// <summary>
/// Measurements, not assertions about speed: throughput through a proxy with no toxic (vs. a direct
/// loopback connection) and the server's start-up time. Explicit: run with
/// <c>dotnet test -c Release --project tests/KafkaResilience.FaultProxy.Tests -- --explicit only</c>.
/// </summary>
public sealed class FaultProxyBenchmarks
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task Throughput_through_a_proxy_without_toxics()
    {
        const long total = 2L * 1024 * 1024 * 1024;
        using var sink = new SinkServer();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("sink", "127.0.0.1:0", sink.Address, Ct);

        var direct = await BlastAsync(sink.Address, total / 2, 64 * 1024);
        var proxied = await BlastAsync(proxy.Listen, total, 64 * 1024);
        var batches = await BlastAsync(proxy.Listen, total / 2, 16 * 1024);

        Report($"direct loopback, 64 KiB writes: {direct:F0} MB/s");
        Report($"through proxy, 64 KiB writes:   {proxied:F0} MB/s");
        Report($"through proxy, 16 KiB writes (Kafka's default batch.size): {batches:F0} MB/s = {batches / 100:F1} M msg/s of 100 B payload");
        proxied.Should().BeGreaterThan(0);
    }

    [Fact(Explicit = true)]
    public async Task Throughput_through_a_proxy_with_a_latency_toxic()
    {
        using var sink = new SinkServer();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("sink", "127.0.0.1:0", sink.Address, Ct);
        using var client = new ToxiproxyClient(server.ApiAddress);
        await client.AddToxicAsync("sink", ToxicSpec.Latency("lat", 10, stream: ToxicStream.Upstream), Ct);

        var proxied = await BlastAsync(proxy.Listen, 512L * 1024 * 1024, 64 * 1024);

        Report($"through proxy with 10 ms upstream latency, 64 KiB writes: {proxied:F0} MB/s");
    }

    [Fact(Explicit = true)]
    public async Task Start_up_time()
    {
        var cold = Stopwatch.StartNew();
        await using (var first = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct))
        {
            await first.CreateProxyAsync("p", "127.0.0.1:0", "127.0.0.1:9", Ct);
            cold.Stop();
        }

        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
            for (var p = 0; p < 3; p++)
            {
                await server.CreateProxyAsync($"broker-{p}", "127.0.0.1:0", "127.0.0.1:9", Ct);
            }

            using var client = new ToxiproxyClient(server.ApiAddress);
            await client.GetVersionAsync(Ct);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var disposeWatch = Stopwatch.StartNew();
        await using (await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct))
        {
            disposeWatch.Restart();
        }

        Report($"cold start + 1 proxy: {cold.Elapsed.TotalMilliseconds:F1} ms");
        Report($"warm start + 3 proxies + first API call: median {times.Order().ElementAt(times.Count / 2):F1} ms, max {times.Max():F1} ms");
        Report($"dispose: {disposeWatch.Elapsed.TotalMilliseconds:F1} ms");
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }

    private static async Task<double> BlastAsync(string address, long total, int writeSize)
    {
        using var socket = await TestSocket.ConnectAsync(address);
        var buffer = new byte[writeSize];
        new Random(5).NextBytes(buffer);
        var stopwatch = Stopwatch.StartNew();
        long sent = 0;
        while (sent < total)
        {
            sent += await socket.SendAsync(buffer, SocketFlags.None);
        }

        socket.Shutdown(SocketShutdown.Send);
        var end = await TestSocket.ReadUntilEndAsync(socket, TimeSpan.FromSeconds(60));
        stopwatch.Stop();
        end.Outcome.Should().Be(ReceiveOutcome.Closed, "the sink closes after counting every byte");
        return sent / 1e6 / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Reads and discards everything, then closes: the far end of a blast.</summary>
    private sealed class SinkServer : IDisposable
    {
        private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly Task loop;

        public SinkServer()
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(16);
            loop = Task.Run(AcceptAsync);
        }

        public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}";

        public void Dispose()
        {
            listener.Dispose();
            loop.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptAsync();
                    _ = Task.Run(async () =>
                    {
                        using (socket)
                        {
                            var buffer = new byte[256 * 1024];
                            try
                            {
                                while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
                                {
                                }
                            }
                            catch (SocketException)
                            {
                            }
                        }
                    });
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}

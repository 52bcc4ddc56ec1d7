using System.Diagnostics;
using System.Net.Sockets;
using FluentAssertions;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.FaultProxy.Tests.Support;
using Xunit;

namespace KafkaResilience.FaultProxy.Tests;

/// <summary>
/// Each toxic measured on loopback through the proxy, configured through the typed client (as the
/// steps do). Latency bounds allow only upward slack: a toxic must add at least what it promises.
/// Those lower bounds are exact on purpose, and hold whatever the clock's resolution: every timed toxic
/// starts after the test's stopwatch and waits until the proxy's clock, the stopwatch's own monotonic
/// clock, has passed its due time (a timer that fires early is waited out). Upper bounds leave the
/// scheduler of a loaded machine room.
/// </summary>
public sealed class ToxicBehaviourTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private LoopbackEchoServer echo = null!;
    private ToxiproxyServer server = null!;
    private ToxiproxyClient client = null!;
    private string listen = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        echo = LoopbackEchoServer.Start();
        server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { RandomSeed = 7 }, Ct);
        client = new ToxiproxyClient(server.ApiAddress);
        listen = (await client.CreateProxyAsync(new ToxiproxyProxySpec("echo", "127.0.0.1:0", echo.Address), Ct)).Listen;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
        await echo.DisposeAsync();
    }

    [Fact]
    public async Task Latency_adds_at_least_the_latency_to_every_round_trip()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Latency("slow", 100), Ct);

        var rtts = await RoundTripsAsync(socket, 5);

        rtts.Should().OnlyContain(rtt => rtt >= TimeSpan.FromMilliseconds(100), "a 100 ms latency toxic delays every chunk by at least 100 ms");
        rtts.Should().OnlyContain(rtt => rtt < TimeSpan.FromMilliseconds(1000), "the latency is not applied many times over");
    }

    [Fact]
    public async Task Jitter_stays_within_latency_plus_or_minus_jitter()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Latency("jittery", 100, jitterMs: 50), Ct);

        var rtts = await RoundTripsAsync(socket, 12);

        rtts.Should().OnlyContain(rtt => rtt >= TimeSpan.FromMilliseconds(50), "latency - jitter is the floor");
        rtts.Should().OnlyContain(rtt => rtt < TimeSpan.FromMilliseconds(150 + 400), "latency + jitter is the ceiling (plus scheduling slack)");
        (rtts.Max() - rtts.Min()).Should().BeGreaterThan(TimeSpan.FromMilliseconds(10), "jitter varies the delay");
    }

    [Fact]
    public async Task Bandwidth_caps_the_rate_in_kilobytes_per_second()
    {
        const int rateKBps = 400;
        const int bytes = 200_000;
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Bandwidth("thin", rateKBps), Ct);
        var payload = new byte[bytes];
        new Random(1).NextBytes(payload);

        var stopwatch = Stopwatch.StartNew();
        var send = TestSocket.SendAsync(socket, payload);
        var received = await TestSocket.ReceiveExactlyAsync(socket, bytes, TimeSpan.FromSeconds(10));
        stopwatch.Stop();
        await send;

        received.Should().Equal(payload);
        var measuredKBps = bytes / 1000.0 / stopwatch.Elapsed.TotalSeconds;
        measuredKBps.Should().BeInRange(rateKBps * 0.6, rateKBps * 1.1, $"the cap is {rateKBps} KB/s (took {stopwatch.Elapsed})");
    }

    [Fact]
    public async Task Timeout_zero_drops_data_and_holds_the_connection_open()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Timeout("hold", 0), Ct);

        await TestSocket.SendAsync(socket, new byte[] { 1, 2, 3 });

        (await TestSocket.ObserveAsync(socket, TimeSpan.FromMilliseconds(700))).Should().Be(ReceiveOutcome.Nothing, "no data and no close while the toxic holds");
        server.ConnectionCount("echo").Should().Be(1);
    }

    [Fact]
    public async Task Removing_a_timeout_toxic_closes_the_connections_it_held_as_toxiproxy_does()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Timeout("hold", 0), Ct);
        await TestSocket.SendAsync(socket, new byte[] { 1 });

        await client.RemoveToxicAsync("echo", "hold", Ct);

        (await TestSocket.ReadUntilEndAsync(socket, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        using var fresh = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(fresh, 1)).Should().ContainSingle();
    }

    [Fact]
    public async Task Timeout_closes_the_connection_after_the_given_milliseconds()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await TestSocket.WaitUntilAsync(() => server.ConnectionCount("echo") == 1, Wait, "the connection should be proxied");
        var stopwatch = Stopwatch.StartNew();
        await client.AddToxicAsync("echo", ToxicSpec.Timeout("cut", 300), Ct);
        await TestSocket.SendAsync(socket, new byte[] { 1 });

        var (outcome, _, bytes) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        bytes.Should().Be(0, "the timeout toxic drops data");
        // The lower bound is exact on purpose: the proxy arms the toxic after this stopwatch started and
        // closes only once its own clock, the same monotonic clock (1 ns resolution), has passed 300 ms.
        // The upper bound leaves the scheduler of a loaded machine ten times the timeout.
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)).And.BeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Timeout_never_closes_early_when_the_timer_fires_early()
    {
        // Given: a proxy whose timers fire 20 ms early (the runtime's can fire early under load)
        await using var peer = LoopbackEchoServer.Start();
        await using var early = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { TimeProvider = new EarlyTimerTimeProvider(TimeSpan.FromMilliseconds(20)) }, Ct);
        using var earlyClient = new ToxiproxyClient(early.ApiAddress);
        var proxy = await earlyClient.CreateProxyAsync(new ToxiproxyProxySpec("p", "127.0.0.1:0", peer.Address), Ct);
        using var socket = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.WaitUntilAsync(() => early.ConnectionCount("p") == 1, Wait, "the connection should be proxied");

        // When
        var stopwatch = Stopwatch.StartNew();
        await earlyClient.AddToxicAsync("p", ToxicSpec.Timeout("cut", 300), Ct);
        await TestSocket.SendAsync(socket, new byte[] { 1 });
        var (outcome, _, _) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        // Then: closed, and not before 300 ms on the same clock the proxy reads
        outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Reset_peer_resets_the_connection_when_data_flows()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.ResetPeer("rst", 200), Ct);
        var stopwatch = Stopwatch.StartNew();

        await TestSocket.SendAsync(socket, new byte[] { 1 });
        var (outcome, _, bytes) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        outcome.Should().Be(ReceiveOutcome.Reset);
        bytes.Should().Be(0);
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Slow_close_delays_the_close_by_the_delay()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(socket, 1)).Should().ContainSingle();
        await client.AddToxicAsync("echo", ToxicSpec.SlowClose("lingering", 1000), Ct);

        var stopwatch = Stopwatch.StartNew();
        echo.CloseAcceptedConnections();
        var (outcome, _, _) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        stopwatch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task Without_slow_close_the_close_is_prompt()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(socket, 1)).Should().ContainSingle();

        var stopwatch = Stopwatch.StartNew();
        echo.CloseAcceptedConnections();
        var (outcome, _, _) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(800), "the 1000 ms slow_close above must be what delays the close");
    }

    [Fact]
    public async Task Limit_data_passes_exactly_the_limit_then_closes()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.LimitData("cap", 50), Ct);
        var payload = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();

        await TestSocket.SendAsync(socket, payload);
        var received = await TestSocket.ReceiveExactlyAsync(socket, 50, Wait);
        var (outcome, _, extra) = await TestSocket.ReadUntilEndAsync(socket, Wait);

        received.Should().Equal(payload.Take(50));
        extra.Should().Be(0);
        outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
    }

    [Fact]
    public async Task Slicer_delivers_every_byte_in_order()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Slicer("bits", averageSize: 10, sizeVariation: 5, delayMicros: 100), Ct);
        var payload = new byte[5_000];
        new Random(3).NextBytes(payload);

        await TestSocket.SendAsync(socket, payload);

        (await TestSocket.ReceiveExactlyAsync(socket, payload.Length, Wait)).Should().Equal(payload);
    }

    [Fact]
    public async Task Toxicity_zero_never_applies_and_one_always_applies()
    {
        await client.AddToxicAsync("echo", ToxicSpec.Latency("never", 1000, toxicity: 0.0), Ct);
        for (var i = 0; i < 5; i++)
        {
            using var socket = await TestSocket.ConnectAsync(listen);
            (await RoundTripsAsync(socket, 1)).Single().Should().BeLessThan(TimeSpan.FromMilliseconds(1000), "toxicity 0 never applies");
        }

        await client.RemoveToxicAsync("echo", "never", Ct);
        await client.AddToxicAsync("echo", ToxicSpec.Latency("always", 150, toxicity: 1.0), Ct);
        for (var i = 0; i < 5; i++)
        {
            using var socket = await TestSocket.ConnectAsync(listen);
            (await RoundTripsAsync(socket, 1)).Single().Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150), "toxicity 1 always applies");
        }
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.7, false)]
    public async Task Toxicity_is_decided_by_the_injected_randomizer(double roll, bool applies)
    {
        await using var peer = LoopbackEchoServer.Start();
        await using var rolled = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { Randomizer = () => roll }, Ct);
        using var rolledClient = new ToxiproxyClient(rolled.ApiAddress);
        var proxy = await rolledClient.CreateProxyAsync(new ToxiproxyProxySpec("p", "127.0.0.1:0", peer.Address), Ct);
        await rolledClient.AddToxicAsync("p", ToxicSpec.Latency("half", 600, toxicity: 0.5), Ct);

        using var socket = await TestSocket.ConnectAsync(proxy.Listen);
        var rtt = (await RoundTripsAsync(socket, 1)).Single();

        (rtt >= TimeSpan.FromMilliseconds(600)).Should().Be(applies, $"a roll of {roll} against toxicity 0.5 (rtt {rtt})");
    }

    [Theory]
    [InlineData(ToxicStream.Upstream)]
    [InlineData(ToxicStream.Downstream)]
    public async Task A_toxic_affects_only_its_stream(ToxicStream stream)
    {
        using var peer = LoopbackPeerServer.Start();
        var proxy = await client.CreateProxyAsync(new ToxiproxyProxySpec("peer", "127.0.0.1:0", peer.Address), Ct);
        await client.AddToxicAsync("peer", ToxicSpec.Latency("one-way", 600, stream: stream), Ct);
        using var socket = await TestSocket.ConnectAsync(proxy.Listen);
        var serverSide = await peer.AcceptAsync(Wait);

        var toServer = await OneWayAsync(socket, serverSide);
        var toClient = await OneWayAsync(serverSide, socket);

        var (delayed, prompt) = stream == ToxicStream.Upstream ? (toServer, toClient) : (toClient, toServer);
        delayed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600), $"the {stream} direction carries the toxic");
        prompt.Should().BeLessThan(TimeSpan.FromMilliseconds(500), "the other direction is untouched");
    }

    [Fact]
    public async Task Toxics_added_and_removed_take_effect_on_live_connections()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(socket, 1)).Single().Should().BeLessThan(TimeSpan.FromMilliseconds(500));

        await client.AddToxicAsync("echo", ToxicSpec.Latency("live", 500), Ct);
        var during = (await RoundTripsAsync(socket, 1)).Single();
        await client.RemoveToxicAsync("echo", "live", Ct);
        var after = (await RoundTripsAsync(socket, 1)).Single();

        during.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500));
        after.Should().BeLessThan(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Reset_removes_every_toxic_from_live_connections_and_re_enables_proxies()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        await client.AddToxicAsync("echo", ToxicSpec.Latency("a", 300), Ct);
        await client.AddToxicAsync("echo", ToxicSpec.Latency("b", 300, stream: ToxicStream.Upstream), Ct);
        (await RoundTripsAsync(socket, 1)).Single().Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600));
        await client.CreateProxyAsync(new ToxiproxyProxySpec("other", "127.0.0.1:0", echo.Address, Enabled: false), Ct);

        await client.ResetAsync(Ct);

        (await client.ListToxicsAsync("echo", Ct)).Should().BeEmpty();
        var other = await client.GetProxyAsync("other", Ct);
        other.Enabled.Should().BeTrue();
        (await RoundTripsAsync(socket, 1)).Single().Should().BeLessThan(TimeSpan.FromMilliseconds(600));
        using var viaOther = await TestSocket.ConnectAsync(other.Listen);
        (await RoundTripsAsync(viaOther, 1)).Should().ContainSingle();
    }

    [Fact]
    public async Task Disabling_through_the_api_cuts_clients_off_and_enabling_lets_them_back()
    {
        using var socket = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(socket, 1)).Should().ContainSingle();

        (await client.SetEnabledAsync("echo", false, Ct)).Enabled.Should().BeFalse();

        (await TestSocket.ReadUntilEndAsync(socket, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        (await TestSocket.IsRefusedAsync(listen)).Should().BeTrue();
        (await client.SetEnabledAsync("echo", true, Ct)).Enabled.Should().BeTrue();
        using var again = await TestSocket.ConnectAsync(listen);
        (await RoundTripsAsync(again, 1)).Should().ContainSingle();
    }

    private static async Task<List<TimeSpan>> RoundTripsAsync(Socket socket, int count)
    {
        var result = new List<TimeSpan>();
        for (var i = 0; i < count; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await TestSocket.SendAsync(socket, new[] { (byte)i });
            var reply = await TestSocket.ReceiveExactlyAsync(socket, 1, Wait);
            result.Add(stopwatch.Elapsed);
            reply.Should().Equal((byte)i);
        }

        return result;
    }

    private static async Task<TimeSpan> OneWayAsync(Socket from, Socket to)
    {
        var stopwatch = Stopwatch.StartNew();
        await TestSocket.SendAsync(from, new byte[] { 42 });
        (await TestSocket.ReceiveExactlyAsync(to, 1, Wait)).Should().Equal(42);
        return stopwatch.Elapsed;
    }
}

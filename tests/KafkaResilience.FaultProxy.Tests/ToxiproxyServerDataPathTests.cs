using FluentAssertions;
using Xunit;
using KafkaResilience.FaultProxy.Tests.Support;

namespace KafkaResilience.FaultProxy.Tests;

public sealed class ToxiproxyServerDataPathTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_payloads_pass_byte_exact_in_both_directions()
    {
        // Given
        await using var echo = LoopbackEchoServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("echo", "127.0.0.1:0", echo.Address, Ct);
        var random = new Random(42);

        // When
        using var client = await TestSocket.ConnectAsync(proxy.Listen);
        foreach (var size in new[] { 1, 100, 8 * 1024, 8 * 1024 + 1, 64 * 1024, 1_000_003 })
        {
            var payload = new byte[size];
            random.NextBytes(payload);
            var send = TestSocket.SendAsync(client, payload);
            var received = await TestSocket.ReceiveExactlyAsync(client, size, Wait);
            await send;

            // Then
            received.Should().Equal(payload, $"a {size}-byte payload must come back unchanged");
        }
    }

    [Fact]
    public async Task A_frozen_proxy_holds_every_byte_both_ways_keeps_the_connection_and_forwards_them_in_order_on_the_thaw()
    {
        // Given: one connection through the proxy, both of its ends in hand
        using var peer = LoopbackPeerServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("broker", "127.0.0.1:0", peer.Address, Ct);
        using var client = await TestSocket.ConnectAsync(proxy.Listen);
        using var upstream = await peer.AcceptAsync(Wait);
        var request = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        var response = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        // When: frozen, each end writes more than one socket buffer
        server.SetFrozen("broker", true);
        var sendRequest = TestSocket.SendAsync(client, request);
        var sendResponse = TestSocket.SendAsync(upstream, response);
        var arrived = () => TestSocket.WaitUntilAsync(() => upstream.Available > 0 || client.Available > 0, TimeSpan.FromMilliseconds(500), "a byte crossed the frozen proxy");

        // Then: nothing crosses, the connection stays, and a Toxiproxy reset does not thaw it
        await arrived.Should().ThrowAsync<TimeoutException>("a frozen proxy reads nothing, as a stopped process");
        server.ConnectionCount("broker").Should().Be(1);
        using (var api = new KafkaResilience.Cluster.Toxiproxy.ToxiproxyClient(server.ApiAddress))
            await api.ResetAsync(Ct);
        await arrived.Should().ThrowAsync<TimeoutException>("the freeze is the broker's state, not a Toxiproxy fault");

        // When
        server.SetFrozen("broker", false);

        // Then: every byte, in order, both ways
        (await TestSocket.ReceiveExactlyAsync(upstream, request.Length, Wait)).Should().Equal(request);
        (await TestSocket.ReceiveExactlyAsync(client, response.Length, Wait)).Should().Equal(response);
        await Task.WhenAll(sendRequest, sendResponse).WaitAsync(Wait, Ct);
    }

    [Fact]
    public async Task A_server_stopped_while_frozen_closes_its_held_connections_and_ends()
    {
        // Given: a frozen proxy holding a connection with bytes in it
        using var peer = LoopbackPeerServer.Start();
        var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("broker", "127.0.0.1:0", peer.Address, Ct);
        using var client = await TestSocket.ConnectAsync(proxy.Listen);
        using var upstream = await peer.AcceptAsync(Wait);
        server.SetFrozen("broker", true);
        await TestSocket.SendAsync(client, new byte[] { 1, 2, 3 });

        // When
        await server.DisposeAsync().AsTask().WaitAsync(Wait, Ct);

        // Then: the held pumps ended with the connection instead of waiting for a thaw
        (await TestSocket.ReadUntilEndAsync(client, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
    }

    [Fact]
    public async Task Create_proxy_reports_the_actual_port_and_rejects_non_loopback_addresses()
    {
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);

        var proxy = await server.CreateProxyAsync("p", "127.0.0.1:0", "127.0.0.1:9", Ct);
        var remote = () => server.CreateProxyAsync("q", "0.0.0.0:0", "127.0.0.1:9", Ct);
        var remoteUpstream = () => server.CreateProxyAsync("r", "127.0.0.1:0", "10.1.2.3:9092", Ct);
        var duplicate = () => server.CreateProxyAsync("p", "127.0.0.1:0", "127.0.0.1:9", Ct);

        proxy.Listen.Should().StartWith("127.0.0.1:").And.NotBe("127.0.0.1:0");
        proxy.Enabled.Should().BeTrue();
        (await remote.Should().ThrowAsync<FaultProxyException>()).Which.StatusCode.Should().Be(400);
        (await remoteUpstream.Should().ThrowAsync<FaultProxyException>()).Which.Message.Should().Contain("loopback");
        (await duplicate.Should().ThrowAsync<FaultProxyException>()).Which.StatusCode.Should().Be(409);
        server.Proxies.Select(p => p.Name).Should().Equal("p");
    }

    [Fact]
    public async Task Disabling_closes_live_connections_and_refuses_new_ones_and_enabling_accepts_again()
    {
        // Given
        await using var echo = LoopbackEchoServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("echo", "127.0.0.1:0", echo.Address, Ct);
        using var live = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.SendAsync(live, new byte[] { 1 });
        await TestSocket.ReceiveExactlyAsync(live, 1, Wait);

        // When
        server.SetEnabled("echo", false);

        // Then
        (await TestSocket.ReadUntilEndAsync(live, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        (await TestSocket.IsRefusedAsync(proxy.Listen)).Should().BeTrue("a disabled proxy has no listener");
        server.Proxies.Single().Enabled.Should().BeFalse();

        // When
        server.SetEnabled("echo", true);

        // Then
        server.Proxies.Single().Listen.Should().Be(proxy.Listen, "re-enabling listens on the same address");
        using var again = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.SendAsync(again, new byte[] { 7 });
        (await TestSocket.ReceiveExactlyAsync(again, 1, Wait)).Should().Equal(7);
    }

    [Fact]
    public async Task Drop_connections_resets_every_open_connection_but_keeps_listening()
    {
        await using var echo = LoopbackEchoServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("echo", "127.0.0.1:0", echo.Address, Ct);
        using var first = await TestSocket.ConnectAsync(proxy.Listen);
        using var second = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.WaitUntilAsync(() => server.ConnectionCount("echo") == 2, Wait, "both connections should be proxied");

        server.DropConnections("echo");

        (await TestSocket.ReadUntilEndAsync(first, Wait)).Outcome.Should().Be(ReceiveOutcome.Reset);
        (await TestSocket.ReadUntilEndAsync(second, Wait)).Outcome.Should().Be(ReceiveOutcome.Reset);
        using var third = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.SendAsync(third, new byte[] { 3 });
        (await TestSocket.ReceiveExactlyAsync(third, 1, Wait)).Should().Equal(3);
    }

    [Fact]
    public async Task Update_upstream_sends_new_connections_to_the_new_upstream()
    {
        await using var first = LoopbackEchoServer.Start();
        await using var second = LoopbackEchoServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("echo", "127.0.0.1:0", first.Address, Ct);
        await first.DisposeAsync();

        server.UpdateUpstream("echo", second.Address);

        server.Proxies.Single().Upstream.Should().Be(second.Address);
        using var client = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.SendAsync(client, new byte[] { 9 });
        (await TestSocket.ReceiveExactlyAsync(client, 1, Wait)).Should().Equal(9);
    }

    [Fact]
    public async Task Upstream_closing_closes_the_client()
    {
        await using var echo = LoopbackEchoServer.Start();
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var proxy = await server.CreateProxyAsync("echo", "127.0.0.1:0", echo.Address, Ct);
        using var client = await TestSocket.ConnectAsync(proxy.Listen);
        await TestSocket.SendAsync(client, new byte[] { 1 });
        await TestSocket.ReceiveExactlyAsync(client, 1, Wait);

        echo.CloseAcceptedConnections();

        (await TestSocket.ReadUntilEndAsync(client, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        await TestSocket.WaitUntilAsync(() => server.ConnectionCount("echo") == 0, Wait, "the proxied connection should be gone");
    }

    [Fact]
    public async Task Dispose_leaves_no_listener_and_no_connection()
    {
        await using var echo = LoopbackEchoServer.Start();
        var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        var a = await server.CreateProxyAsync("a", "127.0.0.1:0", echo.Address, Ct);
        var b = await server.CreateProxyAsync("b", "127.0.0.1:0", echo.Address, Ct);
        using var client = await TestSocket.ConnectAsync(a.Listen);
        await TestSocket.SendAsync(client, new byte[] { 1 });
        await TestSocket.ReceiveExactlyAsync(client, 1, Wait);

        await server.DisposeAsync();

        (await TestSocket.ReadUntilEndAsync(client, Wait)).Outcome.Should().BeOneOf(ReceiveOutcome.Closed, ReceiveOutcome.Reset);
        (await TestSocket.IsRefusedAsync(a.Listen)).Should().BeTrue();
        (await TestSocket.IsRefusedAsync(b.Listen)).Should().BeTrue();
        (await TestSocket.IsRefusedAsync($"127.0.0.1:{server.ApiAddress.Port}")).Should().BeTrue("the API listener is closed too");
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("example.com")]
    public async Task Options_refuse_a_non_loopback_api_host(string host)
    {
        var start = () => ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { ApiHost = host }, Ct);

        (await start.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("ApiHost").And.Contain("loopback");
    }
}

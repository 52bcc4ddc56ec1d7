using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FluentAssertions;
using KafkaResilience.Cluster.Toxiproxy;
using KafkaResilience.FaultProxy.Tests.Support;
using Xunit;

namespace KafkaResilience.FaultProxy.Tests;

/// <summary>The typed client: every call against the fault proxy, its wire format (as a real Toxiproxy expects it), errors and validation.</summary>
public sealed class ToxiproxyClientTests
{
    private const string ProxyJson = """{"name":"kafka","listen":"127.0.0.1:1","upstream":"127.0.0.1:2","enabled":true,"toxics":[]}""";
    private const string ToxicJson = """{"attributes":{"timeout":100},"name":"rst","type":"reset_peer","stream":"upstream","toxicity":0.5}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_call_round_trips_through_the_fault_proxy()
    {
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        using var client = new ToxiproxyClient(server.ApiAddress);

        (await client.GetVersionAsync(Ct)).Should().Be(ToxiproxyServer.EmulatedVersion);
        var created = await client.CreateProxyAsync(new ToxiproxyProxySpec("b", "127.0.0.1:0", "127.0.0.1:9092"), Ct);
        created.Listen.Should().NotEndWith(":0");
        created.Enabled.Should().BeTrue();
        created.Toxics.Should().BeEmpty();
        await client.CreateProxyAsync(new ToxiproxyProxySpec("a", "127.0.0.1:0", "127.0.0.1:9093"), Ct);
        (await client.ListProxiesAsync(Ct)).Select(p => p.Name).Should().Equal("a", "b");
        (await client.GetProxyAsync("b", Ct)).Should().BeEquivalentTo(created);

        (await client.SetEnabledAsync("b", false, Ct)).Enabled.Should().BeFalse();
        (await client.SetEnabledAsync("b", true, Ct)).Enabled.Should().BeTrue();
        var moved = await client.UpdateProxyAsync("b", upstream: "127.0.0.1:9999", ct: Ct);
        moved.Upstream.Should().Be("127.0.0.1:9999");
        moved.Listen.Should().Be(created.Listen);

        var specs = new[]
        {
            ToxicSpec.Latency("lat", 100, 10),
            ToxicSpec.Bandwidth("bw", 512, ToxicStream.Upstream),
            ToxicSpec.Timeout("to", 0, toxicity: 0.25),
            ToxicSpec.ResetPeer("rst", 50),
            ToxicSpec.SlowClose("slow", 30),
            ToxicSpec.LimitData("cap", 1000),
            ToxicSpec.Slicer("slice", 100, 10, 5),
        };
        foreach (var spec in specs)
        {
            var added = await client.AddToxicAsync("b", spec, Ct);
            added.Should().BeEquivalentTo(spec, $"the server echoes toxic {spec.Name}");
        }

        (await client.ListToxicsAsync("b", Ct)).Select(t => t.Name).Should().BeEquivalentTo(specs.Select(s => s.Name));
        (await client.GetToxicAsync("b", "bw", Ct)).Stream.Should().Be(ToxicStream.Upstream);
        var updated = await client.UpdateToxicAsync("b", ToxicSpec.Latency("lat", 300, 10, toxicity: 0.5), Ct);
        updated.Attributes["latency"].Should().Be(300);
        updated.Toxicity.Should().Be(0.5);
        await client.RemoveToxicAsync("b", "lat", Ct);
        (await client.ListToxicsAsync("b", Ct)).Select(t => t.Name).Should().NotContain("lat");

        await client.ResetAsync(Ct);
        (await client.GetProxyAsync("b", Ct)).Toxics.Should().BeEmpty();

        var populated = await client.PopulateAsync(
            [new ToxiproxyProxySpec("a", "127.0.0.1:0", "127.0.0.1:9093"), new ToxiproxyProxySpec("c", "127.0.0.1:0", "127.0.0.1:9094", Enabled: false)],
            Ct);
        populated.Select(p => p.Name).Should().Equal("a", "c");
        populated[1].Enabled.Should().BeFalse();

        await client.DeleteProxyAsync("c", Ct);
        (await client.ListProxiesAsync(Ct)).Select(p => p.Name).Should().Equal("a", "b");
    }

    [Fact]
    public async Task Api_errors_carry_the_status_and_the_api_error_text()
    {
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        using var client = new ToxiproxyClient(server.ApiAddress);
        await client.CreateProxyAsync(new ToxiproxyProxySpec("p", "127.0.0.1:0", "127.0.0.1:9092"), Ct);
        await client.AddToxicAsync("p", ToxicSpec.Latency("lat", 10), Ct);

        var missing = await FluentActions.Awaiting(() => client.GetProxyAsync("nope", Ct)).Should().ThrowAsync<ToxiproxyException>();
        var duplicateProxy = await FluentActions.Awaiting(() => client.CreateProxyAsync(new ToxiproxyProxySpec("p", "127.0.0.1:0", "127.0.0.1:9092"), Ct)).Should().ThrowAsync<ToxiproxyException>();
        var duplicateToxic = await FluentActions.Awaiting(() => client.AddToxicAsync("p", ToxicSpec.Latency("lat", 10), Ct)).Should().ThrowAsync<ToxiproxyException>();
        var missingToxic = await FluentActions.Awaiting(() => client.RemoveToxicAsync("p", "none", Ct)).Should().ThrowAsync<ToxiproxyException>();

        missing.Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Which.ApiError.Should().Be("proxy not found");
        duplicateProxy.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        duplicateProxy.Which.ApiError.Should().Be("proxy already exists");
        duplicateToxic.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
        duplicateToxic.Which.ApiError.Should().Be("toxic already exists");
        missingToxic.Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missingToxic.Which.Message.Should().Contain("toxic not found");
    }

    [Fact]
    public async Task An_unreachable_api_fails_fast_naming_the_address()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        using var client = new ToxiproxyClient(address);
        var stopwatch = Stopwatch.StartNew();

        var failure = await FluentActions.Awaiting(() => client.GetVersionAsync(Ct)).Should().ThrowAsync<ToxiproxyException>();

        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        failure.Which.Message.Should().Contain(address.ToString()).And.Contain("unreachable");
        failure.Which.StatusCode.Should().BeNull();
    }

    [Fact]
    public async Task A_silent_api_fails_after_the_request_timeout()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silent.Listen(4);
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndPoint!).Port}/");
        using var client = new ToxiproxyClient(address, requestTimeout: TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        var failure = await FluentActions.Awaiting(() => client.ListProxiesAsync(Ct)).Should().ThrowAsync<ToxiproxyException>();

        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        failure.Which.Message.Should().Contain("did not answer").And.Contain(address.ToString());
    }

    [Fact]
    public async Task Requests_use_toxiproxy_routes_and_snake_case_json()
    {
        using var handler = new CapturingHandler(request => request.RequestUri!.AbsolutePath switch
        {
            "/populate" => (HttpStatusCode.Created, $$"""{"proxies":[{{ProxyJson}}]}"""),
            "/proxies/kafka/toxics" => (HttpStatusCode.OK, ToxicJson),
            "/proxies/kafka/toxics/rst" => (HttpStatusCode.OK, ToxicJson),
            "/version" => (HttpStatusCode.OK, "2.1.4"),
            "/reset" => (HttpStatusCode.NoContent, ""),
            _ => (HttpStatusCode.OK, ProxyJson),
        });
        using var http = new HttpClient(handler);
        using var client = new ToxiproxyClient(new Uri("http://127.0.0.1:8474"), http);

        await client.AddToxicAsync("kafka", ToxicSpec.ResetPeer("rst", 100, ToxicStream.Upstream, 0.5), Ct);
        await client.UpdateToxicAsync("kafka", ToxicSpec.ResetPeer("rst", 200, ToxicStream.Upstream, 0.5), Ct);
        await client.SetEnabledAsync("kafka", false, Ct);
        await client.UpdateProxyAsync("kafka", upstream: "kafka-1:9092", ct: Ct);
        await client.PopulateAsync([new ToxiproxyProxySpec("kafka", "0.0.0.0:8666", "kafka-1:9092")], Ct);
        var version = await client.GetVersionAsync(Ct);
        await client.ResetAsync(Ct);

        version.Should().Be("2.1.4", "servers before 2.2 answer /version in plain text");
        handler.Requests.Select(r => $"{r.Method} {r.Path}").Should().Equal(
            "POST /proxies/kafka/toxics",
            "PATCH /proxies/kafka/toxics/rst", // updates are PATCH: Toxiproxy 2.12 logs an update by POST as deprecated
            "PATCH /proxies/kafka",
            "PATCH /proxies/kafka",
            "POST /populate",
            "GET /version",
            "POST /reset");
        Json(handler.Requests[0].Body).Should().Be("""{"name":"rst","type":"reset_peer","stream":"upstream","toxicity":0.5,"attributes":{"timeout":100}}""");
        Json(handler.Requests[1].Body).Should().Be("""{"attributes":{"timeout":200},"toxicity":0.5}""");
        Json(handler.Requests[2].Body).Should().Be("""{"enabled":false}""");
        Json(handler.Requests[3].Body).Should().Be("""{"upstream":"kafka-1:9092"}""");
        Json(handler.Requests[4].Body).Should().Be("""[{"name":"kafka","listen":"0.0.0.0:8666","upstream":"kafka-1:9092","enabled":true}]""");
        handler.Requests[5].Body.Should().BeNull();
    }

    [Fact]
    public void Toxic_factories_name_their_attributes_as_toxiproxy_does()
    {
        ToxicSpec.Latency("a", 100, 5).Attributes.Should().Equal(new Dictionary<string, long> { ["latency"] = 100, ["jitter"] = 5 });
        ToxicSpec.Bandwidth("b", 64).Attributes.Should().Equal(new Dictionary<string, long> { ["rate"] = 64 });
        ToxicSpec.Timeout("c", 0).Attributes.Should().Equal(new Dictionary<string, long> { ["timeout"] = 0 });
        ToxicSpec.ResetPeer("d", 10).Attributes.Should().Equal(new Dictionary<string, long> { ["timeout"] = 10 });
        ToxicSpec.SlowClose("e", 10).Attributes.Should().Equal(new Dictionary<string, long> { ["delay"] = 10 });
        ToxicSpec.LimitData("f", 10).Attributes.Should().Equal(new Dictionary<string, long> { ["bytes"] = 10 });
        ToxicSpec.Latency("g", 1).Stream.Should().Be(ToxicStream.Downstream, "Toxiproxy's default stream");
        ToxicSpec.Latency("g", 1).Toxicity.Should().Be(1.0);
    }

    [Fact]
    public async Task Invalid_arguments_are_refused_before_anything_is_sent()
    {
        using var handler = new CapturingHandler(_ => (HttpStatusCode.OK, ProxyJson));
        using var http = new HttpClient(handler);
        using var client = new ToxiproxyClient(new Uri("http://127.0.0.1:8474"), http);

        FluentActions.Invoking(() => ToxicSpec.Latency("x", -1)).Should().Throw<ArgumentException>().WithMessage("*latency*>= 0*");
        FluentActions.Invoking(() => ToxicSpec.Latency("x", 10, toxicity: 1.5)).Should().Throw<ArgumentException>().WithMessage("*Toxicity*0..1*");
        FluentActions.Invoking(() => ToxicSpec.Bandwidth("", 10)).Should().Throw<ArgumentException>().WithMessage("*Name*");
        var unknownAttribute = new ToxicSpec("x", ToxicType.Latency, ToxicStream.Upstream, 1, new Dictionary<string, long> { ["rate"] = 1 });
        await FluentActions.Awaiting(() => client.AddToxicAsync("kafka", unknownAttribute, Ct)).Should().ThrowAsync<ArgumentException>().WithMessage("*rate*latency, jitter*");
        await FluentActions.Awaiting(() => client.CreateProxyAsync(new ToxiproxyProxySpec("p", "127.0.0.1:0", "no-port"), Ct)).Should().ThrowAsync<ArgumentException>().WithMessage("*Upstream*host:port*");
        await FluentActions.Awaiting(() => client.PopulateAsync([new("p", "127.0.0.1:0", "127.0.0.1:1"), new("p", "127.0.0.1:0", "127.0.0.1:2")], Ct)).Should().ThrowAsync<ArgumentException>().WithMessage("*'p'*more than once*");
        await FluentActions.Awaiting(() => client.UpdateProxyAsync("kafka", ct: Ct)).Should().ThrowAsync<ArgumentException>();
        FluentActions.Invoking(() => new ToxiproxyClient(new Uri("/relative", UriKind.Relative))).Should().Throw<ArgumentException>();

        handler.Requests.Should().BeEmpty();
    }

    private static string Json(string? body) => JsonSerializer.Serialize(JsonDocument.Parse(body!).RootElement);

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

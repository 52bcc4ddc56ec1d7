using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using KafkaResilience.FaultProxy.Tests.Support;
using Xunit;

namespace KafkaResilience.FaultProxy.Tests;

/// <summary>The REST API answered like Toxiproxy 2.x, checked with raw HTTP and JSON (no typed client).</summary>
public sealed class ToxiproxyApiConformanceTests : IAsyncLifetime
{
    private ToxiproxyServer server = null!;
    private HttpClient http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions(), Ct);
        http = new HttpClient { BaseAddress = server.ApiAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Version_answers_200_with_a_json_version()
    {
        var (status, json) = await SendAsync(HttpMethod.Get, "version");

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("version").GetString().Should().Be(ToxiproxyServer.EmulatedVersion);
    }

    [Fact]
    public async Task Creating_a_proxy_answers_201_with_toxiproxy_field_names_and_the_actual_port()
    {
        var (status, json) = await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");

        status.Should().Be(HttpStatusCode.Created);
        json.EnumerateObject().Select(p => p.Name).Should().Equal("name", "listen", "upstream", "enabled", "toxics");
        json.GetProperty("name").GetString().Should().Be("kafka");
        json.GetProperty("listen").GetString().Should().MatchRegex(@"^127\.0\.0\.1:[1-9][0-9]*$");
        json.GetProperty("upstream").GetString().Should().Be("127.0.0.1:9092");
        json.GetProperty("enabled").GetBoolean().Should().BeTrue();
        json.GetProperty("toxics").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""", 409, "proxy already exists")]
    [InlineData("""{"listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""", 400, "missing required field: name")]
    [InlineData("""{"name":"other","listen":"127.0.0.1:0"}""", 400, "missing required field: upstream")]
    [InlineData("""{"name":"other",""", 400, "bad request body")]
    [InlineData("", 400, "bad request body: EOF")]
    [InlineData("""{"name":"other","listen":"0.0.0.0:0","upstream":"127.0.0.1:9092"}""", 400, "bad request body")]
    [InlineData("""{"name":"other","upstream":"127.0.0.1:9092","enabled":"yes"}""", 400, "bad request body")]
    public async Task Bad_proxy_creations_answer_toxiproxy_errors(string body, int expectedStatus, string expectedError)
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");

        var (status, json) = await SendAsync(HttpMethod.Post, "proxies", body);

        ((int)status).Should().Be(expectedStatus);
        json.EnumerateObject().Select(p => p.Name).Should().Equal("error", "status");
        json.GetProperty("error").GetString().Should().StartWith(expectedError);
        json.GetProperty("status").GetInt32().Should().Be(expectedStatus);
    }

    [Fact]
    public async Task Listing_proxies_answers_a_map_by_name()
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"b","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"a","listen":"127.0.0.1:0","upstream":"127.0.0.1:9093","enabled":false}""");

        var (status, json) = await SendAsync(HttpMethod.Get, "proxies");

        status.Should().Be(HttpStatusCode.OK);
        json.ValueKind.Should().Be(JsonValueKind.Object);
        json.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("a", "b");
        json.GetProperty("a").GetProperty("enabled").GetBoolean().Should().BeFalse();
        json.GetProperty("b").GetProperty("upstream").GetString().Should().Be("127.0.0.1:9092");
    }

    [Fact]
    public async Task A_missing_proxy_answers_404_everywhere()
    {
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "proxies/nope"), (HttpMethod.Post, "proxies/nope"), (HttpMethod.Delete, "proxies/nope"),
                     (HttpMethod.Get, "proxies/nope/toxics"), (HttpMethod.Post, "proxies/nope/toxics"),
                     (HttpMethod.Get, "proxies/nope/toxics/t"), (HttpMethod.Delete, "proxies/nope/toxics/t"),
                 })
        {
            var (status, json) = await SendAsync(method, path, method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}");

            status.Should().Be(HttpStatusCode.NotFound, $"{method} /{path}");
            json.GetProperty("error").GetString().Should().Be("proxy not found");
            json.GetProperty("status").GetInt32().Should().Be(404);
        }
    }

    [Fact]
    public async Task Updating_a_proxy_changes_only_the_given_fields_and_delete_answers_204()
    {
        var (_, created) = await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");

        var (disabledStatus, disabled) = await SendAsync(HttpMethod.Post, "proxies/kafka", """{"enabled":false}""");
        var (patchedStatus, patched) = await SendAsync(HttpMethod.Patch, "proxies/kafka", """{"upstream":"127.0.0.1:9999","enabled":true}""");
        var (deleteStatus, _) = await SendAsync(HttpMethod.Delete, "proxies/kafka");
        var (afterStatus, _) = await SendAsync(HttpMethod.Get, "proxies/kafka");

        disabledStatus.Should().Be(HttpStatusCode.OK);
        disabled.GetProperty("enabled").GetBoolean().Should().BeFalse();
        disabled.GetProperty("upstream").GetString().Should().Be("127.0.0.1:9092");
        patchedStatus.Should().Be(HttpStatusCode.OK);
        patched.GetProperty("enabled").GetBoolean().Should().BeTrue();
        patched.GetProperty("upstream").GetString().Should().Be("127.0.0.1:9999");
        patched.GetProperty("listen").GetString().Should().Be(created.GetProperty("listen").GetString());
        deleteStatus.Should().Be(HttpStatusCode.NoContent);
        afterStatus.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_toxic_applies_toxiproxy_defaults_and_field_order()
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");

        var (status, json) = await SendAsync(HttpMethod.Post, "proxies/kafka/toxics", """{"type":"latency","attributes":{"latency":100}}""");

        status.Should().Be(HttpStatusCode.OK, "Toxiproxy answers 200 (not 201) to a toxic creation");
        json.EnumerateObject().Select(p => p.Name).Should().Equal("attributes", "name", "type", "stream", "toxicity");
        json.GetProperty("name").GetString().Should().Be("latency_downstream");
        json.GetProperty("type").GetString().Should().Be("latency");
        json.GetProperty("stream").GetString().Should().Be("downstream");
        json.GetProperty("toxicity").GetDouble().Should().Be(1.0);
        json.GetProperty("attributes").GetProperty("latency").GetInt64().Should().Be(100);
        json.GetProperty("attributes").GetProperty("jitter").GetInt64().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"name":"lat","type":"latency"}""", 409, "toxic already exists")]
    [InlineData("""{"type":"nonsense"}""", 400, "invalid toxic type")]
    [InlineData("""{"type":"latency","stream":"sideways"}""", 400, "stream was invalid, can be either upstream or downstream")]
    [InlineData("""{"type":"latency","name":"x","attributes":{"latency":-5}}""", 400, "bad request body")]
    [InlineData("""{"type":"latency","name":"x","attributes":{"latency":1.5}}""", 400, "bad request body")]
    [InlineData("""{"type":"latency","name":"x","toxicity":1.5}""", 400, "bad request body")]
    public async Task Bad_toxic_creations_answer_toxiproxy_errors(string body, int expectedStatus, string expectedError)
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");
        await SendAsync(HttpMethod.Post, "proxies/kafka/toxics", """{"name":"lat","type":"latency","stream":"upstream"}""");

        var (status, json) = await SendAsync(HttpMethod.Post, "proxies/kafka/toxics", body);

        ((int)status).Should().Be(expectedStatus);
        json.GetProperty("error").GetString().Should().StartWith(expectedError);
        json.GetProperty("status").GetInt32().Should().Be(expectedStatus);
    }

    [Fact]
    public async Task Toxics_are_listed_shown_updated_and_deleted()
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"kafka","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");
        await SendAsync(HttpMethod.Post, "proxies/kafka/toxics", """{"name":"down","type":"latency","attributes":{"latency":100,"jitter":10}}""");
        await SendAsync(HttpMethod.Post, "proxies/kafka/toxics", """{"name":"up","type":"bandwidth","stream":"upstream","attributes":{"rate":50}}""");

        var (listStatus, list) = await SendAsync(HttpMethod.Get, "proxies/kafka/toxics");
        var (showStatus, shown) = await SendAsync(HttpMethod.Get, "proxies/kafka/toxics/up");
        var (updateStatus, updated) = await SendAsync(HttpMethod.Post, "proxies/kafka/toxics/down", """{"attributes":{"latency":250},"toxicity":0.5}""");
        var (missingUpdate, missingJson) = await SendAsync(HttpMethod.Post, "proxies/kafka/toxics/none", """{"attributes":{}}""");
        var (deleteStatus, _) = await SendAsync(HttpMethod.Delete, "proxies/kafka/toxics/down");
        var (deleteAgain, deleteAgainJson) = await SendAsync(HttpMethod.Delete, "proxies/kafka/toxics/down");
        var (_, proxy) = await SendAsync(HttpMethod.Get, "proxies/kafka");

        listStatus.Should().Be(HttpStatusCode.OK);
        list.EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal("up", "down");
        showStatus.Should().Be(HttpStatusCode.OK);
        shown.GetProperty("attributes").GetProperty("rate").GetInt64().Should().Be(50);
        shown.GetProperty("stream").GetString().Should().Be("upstream");
        updateStatus.Should().Be(HttpStatusCode.OK);
        updated.GetProperty("attributes").GetProperty("latency").GetInt64().Should().Be(250);
        updated.GetProperty("attributes").GetProperty("jitter").GetInt64().Should().Be(10, "an update merges over the old attributes");
        updated.GetProperty("toxicity").GetDouble().Should().Be(0.5);
        missingUpdate.Should().Be(HttpStatusCode.NotFound);
        missingJson.GetProperty("error").GetString().Should().Be("toxic not found");
        deleteStatus.Should().Be(HttpStatusCode.NoContent);
        deleteAgain.Should().Be(HttpStatusCode.NotFound);
        deleteAgainJson.GetProperty("error").GetString().Should().Be("toxic not found");
        proxy.GetProperty("toxics").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal("up");
    }

    [Fact]
    public async Task Reset_answers_204_enables_every_proxy_and_removes_every_toxic()
    {
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"a","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092","enabled":false}""");
        await SendAsync(HttpMethod.Post, "proxies", """{"name":"b","listen":"127.0.0.1:0","upstream":"127.0.0.1:9093"}""");
        await SendAsync(HttpMethod.Post, "proxies/a/toxics", """{"type":"timeout","attributes":{"timeout":0}}""");
        await SendAsync(HttpMethod.Post, "proxies/b/toxics", """{"type":"latency","stream":"upstream"}""");

        var (status, _) = await SendAsync(HttpMethod.Post, "reset");
        var (_, proxies) = await SendAsync(HttpMethod.Get, "proxies");

        status.Should().Be(HttpStatusCode.NoContent);
        foreach (var proxy in proxies.EnumerateObject())
        {
            proxy.Value.GetProperty("enabled").GetBoolean().Should().BeTrue($"reset re-enables {proxy.Name}");
            proxy.Value.GetProperty("toxics").GetArrayLength().Should().Be(0, $"reset removes the toxics of {proxy.Name}");
        }
    }

    [Fact]
    public async Task Populate_answers_201_creating_replacing_and_keeping_proxies()
    {
        var (_, kept) = await SendAsync(HttpMethod.Post, "proxies", """{"name":"keep","listen":"127.0.0.1:0","upstream":"127.0.0.1:9092"}""");
        await SendAsync(HttpMethod.Post, "proxies/keep/toxics", """{"type":"latency"}""");
        var keptListen = kept.GetProperty("listen").GetString();

        var (status, json) = await SendAsync(
            HttpMethod.Post,
            "populate",
            $$"""[{"name":"keep","listen":"{{keptListen}}","upstream":"127.0.0.1:9092"},{"name":"new","listen":"127.0.0.1:0","upstream":"127.0.0.1:9094","enabled":false}]""");
        var (badStatus, bad) = await SendAsync(HttpMethod.Post, "populate", """[{"name":"x","listen":"127.0.0.1:0"}]""");

        status.Should().Be(HttpStatusCode.Created);
        var proxies = json.GetProperty("proxies").EnumerateArray().ToList();
        proxies.Select(p => p.GetProperty("name").GetString()).Should().Equal("keep", "new");
        proxies[0].GetProperty("toxics").GetArrayLength().Should().Be(1, "an unchanged proxy is kept as it is");
        proxies[1].GetProperty("enabled").GetBoolean().Should().BeFalse();
        badStatus.Should().Be(HttpStatusCode.BadRequest);
        bad.GetProperty("error").GetString().Should().Be("missing required field: upstream at proxy 1");
        bad.GetProperty("status").GetInt32().Should().Be(400);
    }

    [Fact]
    public async Task Unknown_routes_answer_404_and_wrong_methods_405()
    {
        using var unknown = await http.GetAsync("nothing-here", Ct);
        using var wrongMethod = await http.DeleteAsync("version", Ct);

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }
}

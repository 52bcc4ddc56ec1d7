using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KafkaResilience.FaultProxy;

/// <summary>
/// The Toxiproxy REST API over a <see cref="ProxyRegistry"/>: same routes, JSON shapes, field
/// names, status codes and error bodies ({"error": ..., "status": ...}) as Toxiproxy 2.x.
/// </summary>
internal sealed class ToxiproxyApi
{
    private static readonly byte[] NotFoundBody = "404 page not found\n"u8.ToArray();

    private readonly ProxyRegistry registry;

    public ToxiproxyApi(ProxyRegistry registry)
    {
        this.registry = registry;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal))
        {
            await WriteTextAsync(http, 403, "User agent not allowed\n").ConfigureAwait(false);
            return;
        }

        var segments = (request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .ToArray();
        try
        {
            await RouteAsync(http, request.Method, segments).ConfigureAwait(false);
        }
        catch (FaultProxyException ex)
        {
            await WriteErrorAsync(http, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(http, 400, "bad request body: " + ex.Message).ConfigureAwait(false);
        }
    }

    private Task RouteAsync(HttpContext http, string method, string[] s)
    {
        var isGet = HttpMethods.IsGet(method);
        var isPost = HttpMethods.IsPost(method);
        var isUpdate = isPost || HttpMethods.IsPatch(method);
        var isDelete = HttpMethods.IsDelete(method);
        return s switch
        {
            ["version"] when isGet => VersionAsync(http),
            ["reset"] when isPost => ResetAsync(http),
            ["populate"] when isPost => PopulateAsync(http),
            ["proxies"] when isGet => ProxyIndexAsync(http),
            ["proxies"] when isPost => ProxyCreateAsync(http),
            ["proxies", var proxy] when isGet => ProxyShowAsync(http, proxy),
            ["proxies", var proxy] when isUpdate => ProxyUpdateAsync(http, proxy),
            ["proxies", var proxy] when isDelete => ProxyDeleteAsync(http, proxy),
            ["proxies", var proxy, "toxics"] when isGet => ToxicIndexAsync(http, proxy),
            ["proxies", var proxy, "toxics"] when isPost => ToxicCreateAsync(http, proxy),
            ["proxies", var proxy, "toxics", var toxic] when isGet => ToxicShowAsync(http, proxy, toxic),
            ["proxies", var proxy, "toxics", var toxic] when isUpdate => ToxicUpdateAsync(http, proxy, toxic),
            ["proxies", var proxy, "toxics", var toxic] when isDelete => ToxicDeleteAsync(http, proxy, toxic),
            ["version"] or ["reset"] or ["populate"] or ["proxies"] or ["proxies", _] or ["proxies", _, "toxics"]
                or ["proxies", _, "toxics", _] => WriteStatusAsync(http, 405),
            _ => WriteNotFoundAsync(http),
        };
    }

    private static Task VersionAsync(HttpContext http)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json;charset=utf-8";
        return http.Response.WriteAsync($"{{\"version\": \"{ToxiproxyServer.EmulatedVersion}\"}}\n");
    }

    private Task ResetAsync(HttpContext http)
    {
        registry.Reset();
        return WriteStatusAsync(http, 204);
    }

    private Task ProxyIndexAsync(HttpContext http) =>
        WriteJsonAsync(http, 200, writer =>
        {
            writer.WriteStartObject();
            foreach (var host in registry.All())
            {
                writer.WritePropertyName(host.Name);
                WriteProxy(writer, host);
            }

            writer.WriteEndObject();
        });

    private async Task ProxyCreateAsync(HttpContext http)
    {
        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var root = RequireObject(body.RootElement);
        var host = registry.Create(
            OptionalString(root, "name"),
            OptionalString(root, "listen"),
            OptionalString(root, "upstream"),
            OptionalBool(root, "enabled") ?? true);
        await WriteJsonAsync(http, 201, writer => WriteProxy(writer, host)).ConfigureAwait(false);
    }

    private async Task PopulateAsync(HttpContext http)
    {
        IReadOnlyList<ProxyHost> result;
        try
        {
            using var body = await ReadBodyAsync(http).ConfigureAwait(false);
            if (body.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw FaultProxyException.BadRequestBody(
                    $"json: cannot unmarshal {Describe(body.RootElement.ValueKind)} into Go value of type []struct");
            }

            var input = body.RootElement.EnumerateArray()
                .Select(item => RequireObject(item))
                .Select(item => (OptionalString(item, "name"), OptionalString(item, "listen"), OptionalString(item, "upstream"), OptionalBool(item, "enabled")))
                .ToList();
            result = registry.Populate(input);
        }
        catch (FaultProxyException ex)
        {
            await WriteJsonAsync(http, ex.StatusCode, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("error", ex.Message);
                writer.WriteNumber("status", ex.StatusCode);
                writer.WriteNull("proxies");
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(http, 201, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("proxies");
            foreach (var host in result)
            {
                WriteProxy(writer, host);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task ProxyShowAsync(HttpContext http, string name)
    {
        var host = registry.Get(name);
        return WriteJsonAsync(http, 200, writer => WriteProxy(writer, host));
    }

    private async Task ProxyUpdateAsync(HttpContext http, string name)
    {
        var host = registry.Get(name);
        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var root = RequireObject(body.RootElement);
        var listen = OptionalString(root, "listen");
        var upstream = OptionalString(root, "upstream");
        var enabled = OptionalBool(root, "enabled") ?? host.Enabled;
        var listenEndpoint = listen is null ? null : ProxyRegistry.ParseListen(listen);
        var upstreamEndpoint = upstream is null ? null : ProxyRegistry.ParseUpstream(upstream);
        host.Update(
            listenEndpoint,
            listenEndpoint is null ? null : LoopbackAddress.Format(listenEndpoint),
            upstream,
            upstreamEndpoint,
            enabled);
        await WriteJsonAsync(http, 200, writer => WriteProxy(writer, host)).ConfigureAwait(false);
    }

    private Task ProxyDeleteAsync(HttpContext http, string name)
    {
        registry.Remove(name);
        return WriteStatusAsync(http, 204);
    }

    private Task ToxicIndexAsync(HttpContext http, string proxy)
    {
        var host = registry.Get(proxy);
        return WriteJsonAsync(http, 200, writer => WriteToxicArray(writer, host.Toxics()));
    }

    private async Task ToxicCreateAsync(HttpContext http, string proxy)
    {
        var host = registry.Get(proxy);
        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var toxic = ToxicParser.ParseNew(body.RootElement, host);
        host.AddToxic(toxic);
        await WriteJsonAsync(http, 200, writer => WriteToxic(writer, toxic)).ConfigureAwait(false);
    }

    private Task ToxicShowAsync(HttpContext http, string proxy, string name)
    {
        var toxic = registry.Get(proxy).FindToxic(name) ?? throw FaultProxyException.ToxicNotFound();
        return WriteJsonAsync(http, 200, writer => WriteToxic(writer, toxic));
    }

    private async Task ToxicUpdateAsync(HttpContext http, string proxy, string name)
    {
        var host = registry.Get(proxy);
        if (host.FindToxic(name) is null)
        {
            throw FaultProxyException.ToxicNotFound();
        }

        using var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var root = body.RootElement;
        var updated = host.UpdateToxic(name, existing => ToxicParser.ParseUpdate(root, existing));
        await WriteJsonAsync(http, 200, writer => WriteToxic(writer, updated)).ConfigureAwait(false);
    }

    private Task ToxicDeleteAsync(HttpContext http, string proxy, string name)
    {
        registry.Get(proxy).RemoveToxic(name);
        return WriteStatusAsync(http, 204);
    }

    private static void WriteProxy(Utf8JsonWriter writer, ProxyHost host)
    {
        var snapshot = host.Snapshot();
        writer.WriteStartObject();
        writer.WriteString("name", snapshot.Name);
        writer.WriteString("listen", snapshot.Listen);
        writer.WriteString("upstream", snapshot.Upstream);
        writer.WriteBoolean("enabled", snapshot.Enabled);
        writer.WritePropertyName("toxics");
        WriteToxicArray(writer, host.Toxics());
        writer.WriteEndObject();
    }

    private static void WriteToxicArray(Utf8JsonWriter writer, IReadOnlyList<ToxicDefinition> toxics)
    {
        writer.WriteStartArray();
        foreach (var toxic in toxics)
        {
            WriteToxic(writer, toxic);
        }

        writer.WriteEndArray();
    }

    private static void WriteToxic(Utf8JsonWriter writer, ToxicDefinition toxic)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        var names = ToxicKinds.AttributeNames(toxic.Kind);
        for (var i = 0; i < names.Count; i++)
        {
            writer.WriteNumber(names[i], toxic.Attribute(i));
        }

        writer.WriteEndObject();
        writer.WriteString("name", toxic.Name);
        writer.WriteString("type", ToxicKinds.WireName(toxic.Kind));
        writer.WriteString("stream", toxic.Stream == StreamDirection.Upstream ? "upstream" : "downstream");
        writer.WriteNumber("toxicity", toxic.Toxicity);
        writer.WriteEndObject();
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            throw FaultProxyException.BadRequestBody("EOF");
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    internal static JsonElement RequireObject(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element
            : throw FaultProxyException.BadRequestBody($"json: cannot unmarshal {Describe(element.ValueKind)} into Go value of type struct");

    /// <summary>Finds a property case-insensitively, as Go's encoding/json does.</summary>
    internal static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    internal static string? OptionalString(JsonElement element, string name)
    {
        if (!TryGetProperty(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw FaultProxyException.BadRequestBody($"json: cannot unmarshal {Describe(value.ValueKind)} into Go struct field .{name} of type string");
    }

    internal static bool? OptionalBool(JsonElement element, string name)
    {
        if (!TryGetProperty(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw FaultProxyException.BadRequestBody($"json: cannot unmarshal {Describe(value.ValueKind)} into Go struct field .{name} of type bool"),
        };
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    private static async Task WriteJsonAsync(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message) =>
        WriteJsonAsync(http, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        });

    private static Task WriteStatusAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task WriteNotFoundAsync(HttpContext http)
    {
        http.Response.StatusCode = 404;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.Body.WriteAsync(NotFoundBody).AsTask();
    }

    private static Task WriteTextAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, Encoding.UTF8);
    }
}

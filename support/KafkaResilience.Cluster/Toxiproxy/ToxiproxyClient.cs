using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>
/// Typed client of the Toxiproxy REST API (2.x). The same client drives the embedded fault proxy
/// and a real Toxiproxy (docker target). Every call is bounded by a request timeout (5 s by default);
/// an unreachable API fails fast with a <see cref="ToxiproxyException"/> naming the address tried.
/// Arguments are validated before anything is sent.
/// </summary>
public sealed class ToxiproxyClient : IDisposable
{
    /// <summary>Default bound of one API call.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient http;
    private readonly bool ownsHttp;

    public ToxiproxyClient(Uri apiAddress, HttpClient? httpClient = null, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(apiAddress);
        if (!apiAddress.IsAbsoluteUri || (apiAddress.Scheme != Uri.UriSchemeHttp && apiAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Toxiproxy API address '{apiAddress}' must be an absolute http(s) URI, e.g. http://127.0.0.1:8474/.", nameof(apiAddress));
        }

        var timeout = requestTimeout ?? DefaultRequestTimeout;
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(requestTimeout), timeout, "Toxiproxy request timeout must be more than 0 and at most 5 minutes.");
        }

        ApiAddress = apiAddress.AbsoluteUri.EndsWith('/') ? apiAddress : new Uri(apiAddress.AbsoluteUri + "/");
        RequestTimeout = timeout;
        ownsHttp = httpClient is null;
        http = httpClient ?? new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout, UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Base address of the API, ending with '/'.</summary>
    public Uri ApiAddress { get; }

    /// <summary>Bound of one API call.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>GET /version: the server's version (JSON in 2.2+, plain text in older servers).</summary>
    public async Task<string> GetVersionAsync(CancellationToken ct = default)
    {
        var body = await SendAsync(HttpMethod.Get, "version", null, ct).ConfigureAwait(false);
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String)
            {
                return version.GetString()!;
            }

            throw Unexpected("version", body);
        }

        return trimmed;
    }

    /// <summary>GET /proxies, sorted by name.</summary>
    public async Task<IReadOnlyList<ToxiproxyProxy>> ListProxiesAsync(CancellationToken ct = default)
    {
        var body = await SendAsync(HttpMethod.Get, "proxies", null, ct).ConfigureAwait(false);
        var map = Deserialize<Dictionary<string, ToxiproxyProxy>>(body, "proxies");
        return map.Values.Select(Normalize).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>GET /proxies/{name}; a missing proxy throws with status 404.</summary>
    public async Task<ToxiproxyProxy> GetProxyAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var body = await SendAsync(HttpMethod.Get, ProxyPath(name), null, ct).ConfigureAwait(false);
        return Normalize(Deserialize<ToxiproxyProxy>(body, ProxyPath(name)));
    }

    /// <summary>POST /proxies; an existing name throws with status 409.</summary>
    public async Task<ToxiproxyProxy> CreateProxyAsync(ToxiproxyProxySpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var body = await SendAsync(HttpMethod.Post, "proxies", spec, ct).ConfigureAwait(false);
        return Normalize(Deserialize<ToxiproxyProxy>(body, "proxies"));
    }

    /// <summary>POST /populate: creates missing proxies, replaces ones whose listen or upstream differ, keeps the rest.</summary>
    public async Task<IReadOnlyList<ToxiproxyProxy>> PopulateAsync(IEnumerable<ToxiproxyProxySpec> specs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var list = specs.ToList();
        foreach (var spec in list)
        {
            ArgumentNullException.ThrowIfNull(spec, nameof(specs));
            spec.Validate();
        }

        var duplicate = list.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Populate lists proxy '{duplicate.Key}' more than once: names must be unique.", nameof(specs));
        }

        var body = await SendAsync(HttpMethod.Post, "populate", list, ct).ConfigureAwait(false);
        var result = Deserialize<PopulateResponse>(body, "populate");
        return (result.Proxies ?? []).Select(Normalize).ToList();
    }

    /// <summary>PATCH /proxies/{name}: enables or disables a proxy (disabled: listener closed, connections dropped).</summary>
    public Task<ToxiproxyProxy> SetEnabledAsync(string name, bool enabled, CancellationToken ct = default) =>
        UpdateProxyCoreAsync(name, new ProxyUpdate(null, null, enabled), ct);

    /// <summary>Changes a proxy's listen and/or upstream address (the server restarts the proxy).</summary>
    public Task<ToxiproxyProxy> UpdateProxyAsync(string name, string? listen = null, string? upstream = null, CancellationToken ct = default)
    {
        if (listen is null && upstream is null)
        {
            throw new ArgumentException("UpdateProxyAsync needs a new listen or upstream address (both were null).", nameof(listen));
        }

        if (listen is not null)
        {
            ToxiproxyProxySpec.ValidateAddress(listen, "Listen");
        }

        if (upstream is not null)
        {
            ToxiproxyProxySpec.ValidateAddress(upstream, "Upstream");
        }

        return UpdateProxyCoreAsync(name, new ProxyUpdate(listen, upstream, null), ct);
    }

    /// <summary>DELETE /proxies/{name}.</summary>
    public async Task DeleteProxyAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await SendAsync(HttpMethod.Delete, ProxyPath(name), null, ct).ConfigureAwait(false);
    }

    /// <summary>GET /proxies/{proxy}/toxics.</summary>
    public async Task<IReadOnlyList<ToxicSpec>> ListToxicsAsync(string proxy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        var body = await SendAsync(HttpMethod.Get, ToxicsPath(proxy), null, ct).ConfigureAwait(false);
        return (Deserialize<List<ToxicSpec>?>(body, ToxicsPath(proxy)) ?? []).Select(Normalize).ToList();
    }

    /// <summary>GET /proxies/{proxy}/toxics/{name}.</summary>
    public async Task<ToxicSpec> GetToxicAsync(string proxy, string toxicName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        ArgumentException.ThrowIfNullOrWhiteSpace(toxicName);
        var path = ToxicPath(proxy, toxicName);
        return Normalize(Deserialize<ToxicSpec>(await SendAsync(HttpMethod.Get, path, null, ct).ConfigureAwait(false), path));
    }

    /// <summary>POST /proxies/{proxy}/toxics; an existing toxic name throws with status 409.</summary>
    public async Task<ToxicSpec> AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        ArgumentNullException.ThrowIfNull(toxic);
        toxic.Validate();
        var body = await SendAsync(HttpMethod.Post, ToxicsPath(proxy), toxic, ct).ConfigureAwait(false);
        return Normalize(Deserialize<ToxicSpec>(body, ToxicsPath(proxy)));
    }

    /// <summary>PATCH /proxies/{proxy}/toxics/{name}: a toxic's attributes and toxicity (Toxiproxy ignores type and stream on update).</summary>
    public async Task<ToxicSpec> UpdateToxicAsync(string proxy, ToxicSpec toxic, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        ArgumentNullException.ThrowIfNull(toxic);
        toxic.Validate();
        var path = ToxicPath(proxy, toxic.Name);
        var body = await SendAsync(HttpMethod.Patch, path, new ToxicUpdate(toxic.Attributes, toxic.Toxicity), ct).ConfigureAwait(false);
        return Normalize(Deserialize<ToxicSpec>(body, path));
    }

    /// <summary>DELETE /proxies/{proxy}/toxics/{name}.</summary>
    public async Task RemoveToxicAsync(string proxy, string toxicName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        ArgumentException.ThrowIfNullOrWhiteSpace(toxicName);
        await SendAsync(HttpMethod.Delete, ToxicPath(proxy, toxicName), null, ct).ConfigureAwait(false);
    }

    /// <summary>POST /reset: enables every proxy and removes every toxic (the heal of all proxy faults).</summary>
    public async Task ResetAsync(CancellationToken ct = default) =>
        await SendAsync(HttpMethod.Post, "reset", null, ct).ConfigureAwait(false);

    public void Dispose()
    {
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    private async Task<ToxiproxyProxy> UpdateProxyCoreAsync(string name, ProxyUpdate update, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // PATCH, as Toxiproxy 2.12 documents it: an update by POST still works there but is logged as deprecated on every call.
        var body = await SendAsync(HttpMethod.Patch, ProxyPath(name), update, ct).ConfigureAwait(false);
        return Normalize(Deserialize<ToxiproxyProxy>(body, ProxyPath(name)));
    }

    private async Task<string> SendAsync(HttpMethod method, string path, object? payload, CancellationToken ct)
    {
        var uri = new Uri(ApiAddress, path);
        using var request = new HttpRequestMessage(method, uri);
        if (payload is not null)
        {
            request.Content = JsonContent.Create(payload, payload.GetType(), options: ToxiproxyJson.Options);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var error = ReadError(body);
            throw new ToxiproxyException(
                $"Toxiproxy {method} {uri} failed with {(int)response.StatusCode} {response.StatusCode}: {error}",
                ApiAddress,
                response.StatusCode,
                error);
        }
        catch (HttpRequestException ex)
        {
            throw new ToxiproxyException(
                $"Toxiproxy API at {ApiAddress} is unreachable ({method} {uri}): {ex.Message}", ApiAddress, null, null, ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ToxiproxyException(
                $"Toxiproxy API at {ApiAddress} did not answer {method} {uri} within {RequestTimeout}.", ApiAddress, null, null, ex);
        }
    }

    private static string ReadError(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString()!;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: report the raw text.
            }
        }

        return trimmed;
    }

    private T Deserialize<T>(string body, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, ToxiproxyJson.Options) ?? throw Unexpected(what, body);
        }
        catch (JsonException ex)
        {
            throw new ToxiproxyException($"Toxiproxy API at {ApiAddress} answered {what} with unexpected JSON: {ex.Message}", ApiAddress, null, body, ex);
        }
    }

    private ToxiproxyException Unexpected(string what, string body) =>
        new($"Toxiproxy API at {ApiAddress} answered {what} with an unexpected body: {body}", ApiAddress, null, body);

    private static ToxiproxyProxy Normalize(ToxiproxyProxy proxy) =>
        proxy with { Toxics = (proxy.Toxics ?? []).Select(Normalize).ToList() };

    private static ToxicSpec Normalize(ToxicSpec toxic) =>
        toxic.Attributes is null ? toxic with { Attributes = new Dictionary<string, long>() } : toxic;

    private static string ProxyPath(string name) => "proxies/" + Uri.EscapeDataString(name);

    private static string ToxicsPath(string proxy) => ProxyPath(proxy) + "/toxics";

    private static string ToxicPath(string proxy, string toxic) => ToxicsPath(proxy) + "/" + Uri.EscapeDataString(toxic);

    private sealed record ProxyUpdate(string? Listen, string? Upstream, bool? Enabled);

    private sealed record ToxicUpdate(IReadOnlyDictionary<string, long> Attributes, double Toxicity);

    private sealed record PopulateResponse([property: JsonPropertyName("proxies")] List<ToxiproxyProxy>? Proxies);
}

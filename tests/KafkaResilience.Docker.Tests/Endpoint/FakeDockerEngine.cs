using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace KafkaResilience.Docker.Tests.Endpoint;

/// <summary>
/// A stand-in Docker Engine on a loopback port (tcp://127.0.0.1:N): answers /_ping, /version with the
/// version and API range given, /images/{name}/json for the images it "holds", /distribution/{name}/json for
/// those its "registry" has; records every request path. Lets the probe be judged on engines of any age
/// without one. Disposing stops it.
/// </summary>
internal sealed partial class FakeDockerEngine : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _version;
    private readonly string _apiVersion;
    private readonly string _minApiVersion;
    private readonly HashSet<string> _images;
    private readonly HashSet<string> _registry;
    private readonly Task _serving;

    public FakeDockerEngine(string version, string apiVersion, string minApiVersion, IEnumerable<string>? images = null, IEnumerable<string>? registry = null)
    {
        _version = version;
        _apiVersion = apiVersion;
        _minApiVersion = minApiVersion;
        _images = [.. images ?? []];
        _registry = [.. registry ?? []];
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = new Uri($"tcp://127.0.0.1:{port}");
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public List<string> Paths { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            lock (Paths) Paths.Add(path);
            var unversioned = VersionPrefix().Replace(path, string.Empty);
            var (status, body) = Answer(unversioned);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(string path)
    {
        if (path == "/_ping")
            return (200, "OK");
        if (path == "/version")
            return (200, $"{{\"Version\":\"{_version}\",\"ApiVersion\":\"{_apiVersion}\",\"MinAPIVersion\":\"{_minApiVersion}\",\"Os\":\"linux\",\"Arch\":\"amd64\"}}");
        if (ImagePath().Match(path) is { Success: true } image)
        {
            return _images.Contains(image.Groups[1].Value)
                ? (200, $"{{\"Id\":\"sha256:{new string('a', 64)}\"}}")
                : (404, $"{{\"message\":\"No such image: {image.Groups[1].Value}\"}}");
        }
        if (DistributionPath().Match(path) is { Success: true } distribution)
        {
            return _registry.Contains(distribution.Groups[1].Value)
                ? (200, "{\"Descriptor\":{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"size\":1}}")
                : (401, "{\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: lookup registry-1.docker.io: no such host\"}");
        }
        return (404, "{\"message\":\"page not found\"}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^/v\d+\.\d+")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("^/images/(.+)/json$")]
    private static partial Regex ImagePath();

    [GeneratedRegex("^/distribution/(.+)/json$")]
    private static partial Regex DistributionPath();
}

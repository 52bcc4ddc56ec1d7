using System.Net;

namespace KafkaResilience.Docker.Containers;

/// <summary>
/// Where the docker target publishes Toxiproxy's API and proxy ports on the engine's host: loopback
/// (127.0.0.1) whenever the clients reach the containers through the engine host's loopback (a local
/// engine), every interface only when they cannot (a remote engine, Docker-in-Docker, a containerised CI
/// job: then Testcontainers reports another host, and that host must reach the ports). docker-compose.yml
/// binds to 127.0.0.1 for the same reason. <see cref="HostIp"/> null means every interface.
/// </summary>
public sealed record PublishAddress(string? HostIp, string Reason)
{
    /// <summary>The loopback address the ports are bound to on a local engine.</summary>
    public const string Loopback = "127.0.0.1";

    /// <summary>
    /// Decides from what Testcontainers uses to report a container's host: the host override
    /// (TESTCONTAINERS_HOST_OVERRIDE), the engine endpoint, and whether this process runs inside a container.
    /// </summary>
    public static PublishAddress For(Uri endpoint, string? hostOverride, bool runningInsideDocker)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!string.IsNullOrWhiteSpace(hostOverride))
        {
            return IsLoopback(hostOverride)
                ? new PublishAddress(Loopback, $"the host override {hostOverride} is loopback")
                : new PublishAddress(null, $"the host override {hostOverride} must reach the ports, so they are published on every interface");
        }
        switch (endpoint.Scheme)
        {
            case "unix" or "npipe" when runningInsideDocker:
                return new PublishAddress(null, $"this process runs in a container and reaches the engine's ports through its gateway, so they are published on every interface");
            case "unix" or "npipe":
                return new PublishAddress(Loopback, $"the engine at {endpoint} is local");
            case "tcp" or "http" or "https" when IsLoopback(endpoint.Host):
                return new PublishAddress(Loopback, $"the engine at {endpoint} is local");
            case "tcp" or "http" or "https":
                return new PublishAddress(null, $"the engine at {endpoint} is remote and its ports are dialled at {endpoint.Host}, so they are published on every interface");
            default:
                throw new ArgumentException($"Docker endpoint {endpoint} has an unsupported scheme; use unix://, npipe://, tcp:// or http(s)://.", nameof(endpoint));
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public override string ToString() => HostIp is null ? $"every interface ({Reason})" : $"{HostIp} ({Reason})";
}

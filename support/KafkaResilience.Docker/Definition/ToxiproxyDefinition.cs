namespace KafkaResilience.Docker.Definition;

/// <summary>
/// The Toxiproxy container: pinned image, its command (which must keep <c>-host=0.0.0.0</c>, or the
/// API and the proxies listen on the container's loopback only), the API port, and one proxy per broker
/// whose listen port is published on the host at the same number (host port == container port ==
/// the port the broker advertises).
/// </summary>
public sealed record ToxiproxyDefinition(
    string Image,
    string NetworkAlias,
    IReadOnlyList<string> Command,
    int ApiPort,
    IReadOnlyList<ToxiproxyProxyDefinition> Proxies,
    IReadOnlyList<int> PublishedProxyPorts)
{
    /// <summary>The HTTP path the container is waited on.</summary>
    public const string ReadinessPath = "/version";
}

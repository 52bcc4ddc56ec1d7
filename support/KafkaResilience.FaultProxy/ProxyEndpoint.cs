namespace KafkaResilience.FaultProxy;

/// <summary>
/// One proxy of a <see cref="ToxiproxyServer"/> as clients see it: <paramref name="Listen"/> is the
/// actual loopback host:port to connect to (a requested port 0 is replaced by the bound port).
/// </summary>
/// <param name="Name">Proxy name, unique in the server.</param>
/// <param name="Listen">Actual listen address, host:port.</param>
/// <param name="Upstream">Where accepted connections are forwarded, host:port.</param>
/// <param name="Enabled">False when the proxy is down: listener closed, connections dropped.</param>
public sealed record ProxyEndpoint(string Name, string Listen, string Upstream, bool Enabled);

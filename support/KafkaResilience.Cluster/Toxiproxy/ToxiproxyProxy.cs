namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>A proxy as the Toxiproxy API reports it, with its active toxics.</summary>
/// <param name="Name">Proxy name.</param>
/// <param name="Listen">Address the proxy listens on (the actual port when 0 was asked).</param>
/// <param name="Upstream">Address connections are forwarded to.</param>
/// <param name="Enabled">False when the proxy is down (connections refused).</param>
/// <param name="Toxics">Active toxics, upstream ones first.</param>
public sealed record ToxiproxyProxy(string Name, string Listen, string Upstream, bool Enabled, IReadOnlyList<ToxicSpec> Toxics);

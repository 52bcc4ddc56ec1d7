namespace KafkaResilience.Docker.Definition;

/// <summary>
/// One Toxiproxy proxy as <c>POST /populate</c> and <c>-config</c> files take it: a name, the address
/// it listens on inside the Toxiproxy container, and the broker listener it forwards to.
/// </summary>
public sealed record ToxiproxyProxyDefinition(string Name, string Listen, string Upstream, bool Enabled = true);

using KafkaResilience.Cluster.Toxiproxy;

namespace KafkaResilience.Chaos.Network;

/// <summary>The shared typed <see cref="ToxiproxyClient"/> seen as the <see cref="IToxiproxy"/> network faults use.</summary>
public sealed class ToxiproxyClientAdapter(ToxiproxyClient client) : IToxiproxy
{
    private readonly ToxiproxyClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public Task AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken cancellationToken) =>
        _client.AddToxicAsync(proxy, toxic, cancellationToken);

    public Task RemoveToxicAsync(string proxy, string toxicName, CancellationToken cancellationToken) =>
        _client.RemoveToxicAsync(proxy, toxicName, cancellationToken);

    public Task SetEnabledAsync(string proxy, bool enabled, CancellationToken cancellationToken) =>
        _client.SetEnabledAsync(proxy, enabled, cancellationToken);
}

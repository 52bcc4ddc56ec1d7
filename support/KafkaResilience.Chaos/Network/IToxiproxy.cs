using KafkaResilience.Cluster.Toxiproxy;

namespace KafkaResilience.Chaos.Network;

/// <summary>
/// The part of the Toxiproxy REST API that network faults use. The shared typed client drives both
/// the embedded fault proxy and a real Toxiproxy through an adapter; tests use a fake.
/// </summary>
public interface IToxiproxy
{
    Task AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken cancellationToken);

    Task RemoveToxicAsync(string proxy, string toxicName, CancellationToken cancellationToken);

    /// <summary>Enables or disables a proxy: disabled, it refuses and drops every client connection.</summary>
    Task SetEnabledAsync(string proxy, bool enabled, CancellationToken cancellationToken);
}

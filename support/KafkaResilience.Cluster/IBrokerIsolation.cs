namespace KafkaResilience.Cluster;

/// <summary>
/// Cutting a broker off from its clients (and, where the target can, from the other brokers), and undoing it: a
/// network partition around one broker. Implemented by every target, through the broker's network or the proxy in
/// front of it (embedded, docker; external through its Toxiproxy, and says so when none is configured).
/// </summary>
public interface IBrokerIsolation
{
    /// <summary>Cut a broker off from its clients (and, where the target can, from the other brokers).</summary>
    Task IsolateAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Undo <see cref="IsolateAsync"/>.</summary>
    Task HealAsync(int brokerId, CancellationToken cancellationToken = default);
}

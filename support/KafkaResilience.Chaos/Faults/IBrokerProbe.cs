namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// Tells whether a broker is serving clients right now (listed in the cluster's metadata). Faults
/// that restart brokers wait on it, so a rolling restart never takes two brokers down at once.
/// </summary>
public interface IBrokerProbe
{
    Task<bool> IsServingAsync(int brokerId, CancellationToken cancellationToken);
}

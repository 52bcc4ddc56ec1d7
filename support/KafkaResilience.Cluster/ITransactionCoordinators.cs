namespace KafkaResilience.Cluster;

/// <summary>
/// A target whose transaction coordinators must be made known before faults, so that they move off a lost broker
/// (the embedded target's controller emulation; a real Kafka moves them with its __transaction_state partitions and
/// needs nothing). A transactional workload asks for its coordinator once, before it begins, where a target has this role.
/// </summary>
public interface ITransactionCoordinators
{
    /// <summary>The broker coordinating the transactions of <paramref name="transactionalId"/>; from this call on it is moved off a lost broker.</summary>
    Task<int> TransactionCoordinatorAsync(string transactionalId, CancellationToken cancellationToken = default);
}

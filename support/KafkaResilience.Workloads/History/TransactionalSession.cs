namespace KafkaResilience.Workloads.History;

/// <summary>
/// A producer instance that took a transactional.id: when its InitTransactions returned. A later session of the same
/// id must fence every earlier one: none of their commits called after this moment may succeed.
/// </summary>
public sealed record TransactionalSession(string TransactionalId, int Producer, string Name, TimeSpan InitializedAt);

namespace KafkaResilience.Workloads.History;

/// <summary>
/// A consumer's isolation.level: read_committed promises never to show an aborted or still-open transaction and to
/// show each committed one whole; read_uncommitted promises neither, so the transaction checkers judge only loss,
/// duplicates and order for it.
/// </summary>
public enum ReadIsolation
{
    ReadUncommitted,
    ReadCommitted,
}

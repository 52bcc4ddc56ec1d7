namespace KafkaResilience.Workloads.History;

/// <summary>
/// A consumer group whose reads the transaction checkers judge: its name, isolation level, the names of its members
/// (the recorders its reads are found by) and the topics it reads.
/// </summary>
public sealed record TransactionReader(string Group, ReadIsolation Isolation, IReadOnlyList<string> Members, IReadOnlyList<string> Topics)
{
    public override string ToString() => $"group \"{Group}\" ({(Isolation == ReadIsolation.ReadCommitted ? "read_committed" : "read_uncommitted")})";
}

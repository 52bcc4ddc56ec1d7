namespace KafkaResilience.Workloads.Consuming;

/// <summary>
/// When a consumer commits: Auto (the client commits what it returned, every auto.commit.interval.ms)
/// or AfterProcessing (auto-commit off; the workload commits after recording each batch of
/// records, on revocation and on clean close; the seed's recommended setting), or None (never: a
/// reader that keeps no position, as <c>kcat -C</c> without a group).
/// </summary>
public enum CommitMode
{
    Auto,
    AfterProcessing,
    None,
}

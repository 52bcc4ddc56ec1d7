namespace KafkaResilience.Workloads.History;

/// <summary>
/// How a transaction ended, Jepsen-style: committed (the commit call returned ok), aborted (it was never asked to
/// commit: a planned abort, an abort after a failed send, a crash or a fence before the commit) or unknown (the
/// commit call failed or timed out: it may or may not have committed, so it may be read whole or not at all, never
/// in part). Pending means it has not ended yet.
/// </summary>
public enum TransactionOutcome : byte
{
    Pending = 0,
    Committed = 1,
    Aborted = 2,
    Unknown = 3,
}

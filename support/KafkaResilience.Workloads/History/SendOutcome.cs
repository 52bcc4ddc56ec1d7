namespace KafkaResilience.Workloads.History;

/// <summary>
/// How a send ended, Jepsen-style: ok (the client was told it succeeded), fail (it definitely was
/// not written: Confluent's NotPersisted) or unknown (it may or may not have been written:
/// PossiblyPersisted, timeouts, purges of in-flight requests). Pending means no outcome yet.
/// </summary>
public enum SendOutcome : byte
{
    Pending = 0,
    Ok = 1,
    Failed = 2,
    Unknown = 3,
}

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A checker's judgement, ordered so the worst wins when verdicts combine:
/// Invalid (an anomaly was found) over Unknown (could not tell, e.g. the checker crashed) over Valid.
/// </summary>
public enum Validity
{
    Valid = 0,
    Unknown = 1,
    Invalid = 2,
}

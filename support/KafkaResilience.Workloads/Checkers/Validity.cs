namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// A checker's judgement, ordered so the worst wins when verdicts combine: Invalid (an anomaly was found) over Unknown
/// (judged, but it could not tell: the checker crashed, the target dropped records before they were read) over NotJudged
/// (the evidence it needs was never gathered: a read skipped up front, failed before it read, or never written) over Valid.
/// NotJudged is never a pass and never a failure: a step it judges is shown skipped with the reason.
/// </summary>
public enum Validity
{
    Valid = 0,
    NotJudged = 1,
    Unknown = 2,
    Invalid = 3,
}

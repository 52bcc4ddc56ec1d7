namespace KafkaResilience.Workloads.History;

/// <summary>Where a consumer's position went when it moved by itself, and so what the records it skipped were.</summary>
public enum OffsetResetKind
{
    /// <summary>
    /// To the partition's log-start offset: the records skipped were below it when the consumer got there,
    /// dropped by the cluster (retention or truncation; on the embedded target the mock's ~5 MiB per partition).
    /// </summary>
    ToLogStart,

    /// <summary>To the end of the partition (auto.offset.reset=latest): the client's policy skipped records that may still have been there.</summary>
    ToEnd,

    /// <summary>The offsets read jumped forward with no reset reported and not onto the log start: the cause is not known.</summary>
    Unexplained,
}

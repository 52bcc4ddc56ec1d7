namespace KafkaResilience.Workloads.History;

/// <summary>
/// One offending record kept as evidence (the first few of each anomaly): which stream and
/// sequence, where it was read (partition and offset, -1 when unknown), and what was wrong.
/// </summary>
public sealed record MessageSample(int ProducerId, long Sequence, int Partition, long Offset, string Note)
{
    public override string ToString() => Partition < 0
        ? $"p{ProducerId}#{Sequence} ({Note})"
        : $"p{ProducerId}#{Sequence} @{Partition}:{Offset} ({Note})";
}

namespace KafkaResilience.Workloads.Checkers;

/// <summary>Whose progress a stall is about: the consumers (first reads) or the producers (acks).</summary>
public enum StallSide
{
    Consumer,
    Producer,
}

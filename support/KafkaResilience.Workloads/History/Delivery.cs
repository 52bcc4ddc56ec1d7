namespace KafkaResilience.Workloads.History;

/// <summary>
/// How one send ended, as a producer's delivery report tells it: the sequence it carried, its outcome,
/// the partition and offset the report names (-1 when none), when it was sent (clock ticks), and for an
/// ok outcome whether the broker left its persistence unconfirmed (acks=0). A recorder takes a batch of them
/// (all the reports one poll of the client returned) at one instant.
/// </summary>
public readonly record struct Delivery(long Sequence, SendOutcome Outcome, int Partition, long Offset, long SentTicks, bool PossiblyPersisted = false);

namespace KafkaResilience.Workloads.Checkers;

/// <summary>A count a delivery scenario states: what was lost, written or delivered twice, reordered, or failed to send.</summary>
public enum DeliveryCount
{
    /// <summary>Acknowledged and never read ("lost messages").</summary>
    LostMessages,

    /// <summary>The same count seen from the consumers ("messages the consumers never processed").</summary>
    NeverProcessed,

    /// <summary>The same producer id and sequence at two offsets ("messages written twice").</summary>
    WrittenTwice,

    /// <summary>The same offset read again ("messages delivered twice").</summary>
    DeliveredTwice,

    /// <summary>Read after a later sequence of their stream in the same partition ("messages out of order").</summary>
    OutOfOrder,

    /// <summary>Sends of the current send that failed or ended unknown ("failed sends").</summary>
    FailedSends,
}

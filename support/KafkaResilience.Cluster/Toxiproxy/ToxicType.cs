namespace KafkaResilience.Cluster.Toxiproxy;

/// <summary>Toxiproxy toxic types; on the wire in snake_case (latency, bandwidth, slow_close, ...).</summary>
public enum ToxicType
{
    /// <summary>Delays data by latency +/- jitter ms.</summary>
    Latency,

    /// <summary>Limits throughput to rate KB/s.</summary>
    Bandwidth,

    /// <summary>Delays the close of the connection by delay ms.</summary>
    SlowClose,

    /// <summary>Stops all data; closes after timeout ms, or holds forever when timeout is 0.</summary>
    Timeout,

    /// <summary>Resets the connection (TCP RST) timeout ms after data arrives.</summary>
    ResetPeer,

    /// <summary>Closes the connection after bytes have passed.</summary>
    LimitData,

    /// <summary>Slices data into average_size +/- size_variation byte pieces, delay microseconds apart.</summary>
    Slicer,
}

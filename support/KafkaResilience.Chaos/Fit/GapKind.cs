namespace KafkaResilience.Chaos.Fit;

/// <summary>How a fault keeps readers from a partition (see <see cref="ReaderGap"/>).</summary>
public enum GapKind
{
    /// <summary>A broker is lost (killed, paused, cut off): until the cluster moves its leadership, or the fault ends, whichever comes first.</summary>
    LostBroker,
    /// <summary>For the fault's whole duration (connections reset, responses held back or delayed, a consumer crashed).</summary>
    WholeDuration,
    /// <summary>A bandwidth cap: for its whole duration when a partition's stream needs more than the cap, else not at all.</summary>
    BandwidthCap,
}

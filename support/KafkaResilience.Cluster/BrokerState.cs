namespace KafkaResilience.Cluster;

/// <summary>
/// How a broker stands, in the terms the seed's monitoring screens used: up, down (killed or stopped), paused
/// (frozen with its connections open), cut off (isolated from its clients or the other brokers), or unknown
/// when the target cannot tell.
/// </summary>
public enum BrokerState
{
    Up,
    Down,
    Paused,
    CutOff,
    Unknown,
}

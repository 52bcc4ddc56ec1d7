namespace KafkaResilience.FaultProxy;

/// <summary>The toxic types the proxy implements, named on the wire as Toxiproxy names them.</summary>
internal enum ToxicKind
{
    Latency,
    Bandwidth,
    SlowClose,
    Timeout,
    ResetPeer,
    LimitData,
    Slicer,
}

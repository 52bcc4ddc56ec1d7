namespace KafkaResilience.FaultProxy;

/// <summary>Wire names and attribute names (in Toxiproxy's JSON order) of each <see cref="ToxicKind"/>.</summary>
internal static class ToxicKinds
{
    private static readonly string[] LatencyAttributes = ["latency", "jitter"];
    private static readonly string[] BandwidthAttributes = ["rate"];
    private static readonly string[] SlowCloseAttributes = ["delay"];
    private static readonly string[] TimeoutAttributes = ["timeout"];
    private static readonly string[] LimitDataAttributes = ["bytes"];
    private static readonly string[] SlicerAttributes = ["average_size", "size_variation", "delay"];

    public static string WireName(ToxicKind kind) => kind switch
    {
        ToxicKind.Latency => "latency",
        ToxicKind.Bandwidth => "bandwidth",
        ToxicKind.SlowClose => "slow_close",
        ToxicKind.Timeout => "timeout",
        ToxicKind.ResetPeer => "reset_peer",
        ToxicKind.LimitData => "limit_data",
        ToxicKind.Slicer => "slicer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? wireName, out ToxicKind kind)
    {
        switch (wireName)
        {
            case "latency": kind = ToxicKind.Latency; return true;
            case "bandwidth": kind = ToxicKind.Bandwidth; return true;
            case "slow_close": kind = ToxicKind.SlowClose; return true;
            case "timeout": kind = ToxicKind.Timeout; return true;
            case "reset_peer": kind = ToxicKind.ResetPeer; return true;
            case "limit_data": kind = ToxicKind.LimitData; return true;
            case "slicer": kind = ToxicKind.Slicer; return true;
            default: kind = default; return false;
        }
    }

    public static IReadOnlyList<string> AttributeNames(ToxicKind kind) => kind switch
    {
        ToxicKind.Latency => LatencyAttributes,
        ToxicKind.Bandwidth => BandwidthAttributes,
        ToxicKind.SlowClose => SlowCloseAttributes,
        ToxicKind.Timeout or ToxicKind.ResetPeer => TimeoutAttributes,
        ToxicKind.LimitData => LimitDataAttributes,
        ToxicKind.Slicer => SlicerAttributes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

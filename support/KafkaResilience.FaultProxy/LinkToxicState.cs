namespace KafkaResilience.FaultProxy;

/// <summary>
/// What one toxic remembers about one direction of one connection: whether its toxicity roll
/// said it applies, and its running state (bytes passed, bandwidth clock, timeout timer).
/// </summary>
internal sealed class LinkToxicState
{
    public LinkToxicState(ToxicDefinition toxic, bool applies)
    {
        Toxic = toxic;
        Applies = applies;
    }

    public ToxicDefinition Toxic { get; set; }

    public bool Applies { get; set; }

    public long BytesTransmitted { get; set; }

    public long BandwidthNextFree { get; set; }

    public ITimer? Timer { get; set; }

    /// <summary>When an applied timeout toxic closes the link, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long TimeoutDue { get; set; }

    /// <summary>How often the timeout timer fired early and was re-armed for the rest.</summary>
    public int TimeoutRearms { get; set; }

    public bool Active { get; set; } = true;
}

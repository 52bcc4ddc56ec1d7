namespace KafkaResilience.Embedded;

/// <summary>What has been done to a broker of the embedded cluster, so each fault is healed by its own undo.</summary>
public enum BrokerCondition
{
    /// <summary>Up and reachable.</summary>
    Running,
    /// <summary>Killed hard: connections dropped, not listening; the controller fences it after the detection delay.</summary>
    Killed,
    /// <summary>Stopped cleanly: leadership handed over first, then not listening.</summary>
    Stopped,
    /// <summary>Frozen: connections stay open, requests are read but no response leaves until resumed.</summary>
    Paused,
    /// <summary>Cut off from its clients by its fault proxy (or, without one, by closing its listener).</summary>
    Isolated,
}

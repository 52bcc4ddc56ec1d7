namespace KafkaResilience.Cluster;

/// <summary>
/// Something a scenario may need from its target. A target that lacks one says why in
/// <see cref="ClusterCapabilities"/>, and the scenario is skipped with that reason.
/// </summary>
public enum Capability
{
    /// <summary>Kill a broker hard and start it again.</summary>
    HardKill,
    /// <summary>Shut a broker down cleanly (controlled shutdown) and start it again.</summary>
    CleanStop,
    /// <summary>Freeze a broker with its connections open.</summary>
    Pause,
    /// <summary>Cut a broker off from its clients.</summary>
    IsolateFromClients,
    /// <summary>Cut a broker off from the other brokers (replication and controller traffic).</summary>
    IsolateFromBrokers,
    /// <summary>Toxiproxy toxics (latency, bandwidth, resets...) between clients and brokers.</summary>
    NetworkToxics,
    /// <summary>Leadership moves off a lost broker by itself (a controller).</summary>
    LeaderFailover,
    /// <summary>A controller that can itself be found and killed.</summary>
    ControllerFailover,
    /// <summary>Real replication: followers, ISR shrink and expand, min.insync.replicas.</summary>
    Replication,
    /// <summary>acks=0/1/all change what the broker waits for before answering.</summary>
    AcksSemantics,
    /// <summary>Acknowledged data can be lost by an unclean election (replicas diverge).</summary>
    UncleanElectionLoss,
    /// <summary>Idempotent producers are deduplicated without a transactional id.</summary>
    IdempotentDedup,
    /// <summary>Partitions keep everything written (no small in-memory cap), so late readers see all.</summary>
    UnboundedRetention,
    /// <summary>Topics can be created through the Admin API (CreateTopics).</summary>
    AdminCreateTopics,
    /// <summary>Destructive faults are allowed at all (an external cluster may forbid them).</summary>
    DestructiveFaults,
    /// <summary>
    /// A read_committed fetch stops at the last stable offset and leaves aborted transactions out (the broker sends the
    /// aborted-transaction list the client filters by).
    /// </summary>
    ReadCommitted,
    /// <summary>Offsets sent to a transaction (TxnOffsetCommit) are committed with it, so a restarted processor resumes after them.</summary>
    TransactionalOffsetCommit,
    /// <summary>A new producer with the same transactional.id bumps its epoch: the old one is fenced and its open transaction aborted.</summary>
    ProducerFencing,
}

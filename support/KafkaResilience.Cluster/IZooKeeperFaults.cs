namespace KafkaResilience.Cluster;

/// <summary>
/// The ZooKeeper a ZooKeeper-mode Kafka cluster depends on, as a fault target of its own: killed and
/// started again, paused and resumed, like a broker. Implemented by clusters that may run one (the docker
/// target); <see cref="WhyNoZooKeeper"/> says why a given cluster has none (KRaft), and a scenario that
/// faults ZooKeeper there is skipped with that sentence.
/// </summary>
public interface IZooKeeperFaults
{
    /// <summary>Null when the cluster runs on a ZooKeeper; otherwise why it has none, e.g. "it runs KRaft".</summary>
    string? WhyNoZooKeeper { get; }

    /// <summary>SIGKILL: every broker's session to it breaks.</summary>
    Task KillZooKeeperAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts a killed ZooKeeper and returns once it serves again.</summary>
    Task StartZooKeeperAsync(CancellationToken cancellationToken = default);

    /// <summary>Freezes ZooKeeper: connections stay open, nothing answers, sessions may expire.</summary>
    Task PauseZooKeeperAsync(CancellationToken cancellationToken = default);

    Task ResumeZooKeeperAsync(CancellationToken cancellationToken = default);
}

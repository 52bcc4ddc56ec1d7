using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Freezes ZooKeeper (connections open, nothing answered, sessions may expire). Healed by resuming it.</summary>
public sealed class PauseZooKeeperFault : ZooKeeperFault
{
    protected override string Action => "pause";

    protected override Task InjectOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken) =>
        zooKeeper.PauseZooKeeperAsync(cancellationToken);

    protected override Task HealOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken) =>
        zooKeeper.ResumeZooKeeperAsync(cancellationToken);
}

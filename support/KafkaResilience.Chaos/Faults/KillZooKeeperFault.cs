using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>Kills ZooKeeper hard (SIGKILL): every broker's session to it breaks. Healed by starting it again.</summary>
public sealed class KillZooKeeperFault : ZooKeeperFault
{
    protected override string Action => "kill";

    protected override Task InjectOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken) =>
        zooKeeper.KillZooKeeperAsync(cancellationToken);

    protected override Task HealOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken) =>
        zooKeeper.StartZooKeeperAsync(cancellationToken);
}

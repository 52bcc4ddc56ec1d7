using KafkaResilience.Cluster;

namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// The common shape of a fault aimed at the cluster's ZooKeeper (ZooKeeper stack only): check the cluster
/// has one, act; heal only what was injected, once. The fault is recorded once, by whoever injects it. A cluster without ZooKeeper
/// (KRaft, the embedded mock) skips the scenario with its reason. No broker is resolved.
/// </summary>
public abstract class ZooKeeperFault : IFault
{
    private readonly object _gate = new();
    private bool _active;

    /// <summary>What is done to ZooKeeper, e.g. "kill" (the description is "kill ZooKeeper").</summary>
    protected abstract string Action { get; }

    public string Description => $"{Action} ZooKeeper";

    public IReadOnlyList<Capability> Requires { get; } = [];

    public bool IsActive
    {
        get { lock (_gate) return _active; }
    }

    public IReadOnlyList<int> ResolvedBrokers { get; } = [];

    public async Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zooKeeper = ZooKeeperOf(context.Cluster);
        lock (_gate)
        {
            if (_active) throw new InvalidOperationException($"'{Description}' is already active; heal it before injecting it again.");
        }
        // Active before acting: a half-done injection is still healed by the nemesis.
        lock (_gate) _active = true;
        await InjectOnAsync(zooKeeper, cancellationToken).ConfigureAwait(false);
    }

    public async Task HealAsync(FaultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            if (!_active) return;
        }
        await HealOnAsync(ZooKeeperOf(context.Cluster), cancellationToken).ConfigureAwait(false);
        lock (_gate) _active = false;
    }

    protected abstract Task InjectOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken);

    protected abstract Task HealOnAsync(IZooKeeperFaults zooKeeper, CancellationToken cancellationToken);

    public override string ToString() => Description;

    private static IZooKeeperFaults ZooKeeperOf(IKafkaCluster cluster)
    {
        if (cluster is not IZooKeeperFaults zooKeeper)
            throw new CapabilityMissingException($"the {cluster.TargetName} target has no ZooKeeper to fault (only the docker target's ZooKeeper stack has one)");
        if (zooKeeper.WhyNoZooKeeper is { } why)
            throw new CapabilityMissingException(why);
        return zooKeeper;
    }
}
